using Investment.Api.Tests.Infrastructure;

namespace Investment.Api.Tests.Contract;

public sealed class SwaggerUiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task swagger_ui_names_the_api_not_its_assembly()
    {
        var page = await (await Host.Send(null, s => s.Get.Url("/swagger/index.html"))).ReadAsTextAsync();
        var initializer = await (await Host.Send(null, s => s.Get.Url("/swagger/index.js"))).ReadAsTextAsync();

        Assert.Contains("<title>Dung Quat Investment API</title>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Investment.Api", page + initializer, StringComparison.Ordinal);
        Assert.Contains("Dung Quat Investment API v1", page + initializer, StringComparison.Ordinal);
    }
}
