using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace Investment.Api.Http;

/// <summary>
/// In development, tokens come from `dotnet user-jwts`, which signs them with a key it keeps in this project's user
/// secrets and creates on its first use. An API started before that first use would never know the key and refuse
/// every token; so on start the API creates the key itself, in user-jwts' own format, when there is none yet.
/// </summary>
public static class DevelopmentSigningKey
{
    private const string Section = "Authentication:Schemes:Bearer:SigningKeys";
    private const string Issuer = "dotnet-user-jwts";

    public static void Ensure(ConfigurationManager configuration)
    {
        if (configuration.GetSection(Section).GetChildren().Any()) return;
        var secretsId = typeof(DevelopmentSigningKey).Assembly.GetCustomAttribute<UserSecretsIdAttribute>()?.UserSecretsId;
        if (secretsId is null) return;

        var key = new { Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)), Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        var path = PathHelper.GetSecretsPathFromSecretsId(secretsId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secrets = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? [] : [];
        secrets[Section] = new JsonArray(new JsonObject { ["Id"] = key.Id, ["Issuer"] = Issuer, ["Value"] = key.Value, ["Length"] = 32 });
        File.WriteAllText(path, secrets.ToJsonString());

        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{Section}:0:Id"] = key.Id,
            [$"{Section}:0:Issuer"] = Issuer,
            [$"{Section}:0:Value"] = key.Value,
            [$"{Section}:0:Length"] = "32",
        });
    }
}
