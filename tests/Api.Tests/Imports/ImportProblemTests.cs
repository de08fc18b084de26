using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Investment.Api.Endpoints;
using Investment.Api.Imports;
using Investment.Api.Tests.Infrastructure;
using Investment.Domain.Certificates;
using Investment.Domain.Imports;

namespace Investment.Api.Tests.Imports;

public sealed class ImportProblemTests(ImportFixture fixture) : ImportTest(fixture)
{
    private sealed record Rejection(int Status, string Code, Guid ImportId, string Import, IReadOnlyList<ImportProblem> Problems);

    private static async Task<Rejection> Rejected(Alba.IScenarioResult answer, string code = "import.rejected")
    {
        await answer.ShouldBe(422, code);
        return await answer.Read<Rejection>();
    }

    [Fact]
    public async Task a_bad_file_gets_a_problem_for_every_bad_cell_and_stores_nothing()
    {
        await Imported();
        var stored = Registry.Certificates[0];
        var investor = $"\"{Registry.Investors[0].Name}\"";
        var certificates = string.Join("\r\n",
            "number,project_name,investors,zone,sector,capital_amount,currency,land_area_ha,issued_on,duration_years,known_since",
            $"BAD-1,Bad dates,{investor},dung-quat,energy,1000000.00,USD,10,31/02/2013,50,",                        // row 2: no such date
            $"BAD-2,Bad code,{investor},dung-quat,spaceMining,1000000.00,USD,10,2013-02-01,50,",                     // row 3: unknown sector
            "BAD-3,Nobody,Nobody Ltd.,dung-quat,energy,1000000.00,USD,10,2013-02-01,50,",                            // row 4: unknown investor
            $"BAD-4,Twice,{investor},dung-quat,energy,1000000.00,USD,10,2013-02-01,50,",                             // row 5
            $"BAD-4,Twice again,{investor},dung-quat,energy,1000000.00,USD,10,2013-02-01,50,",                       // row 6: duplicate number
            $"{stored.Number},{stored.Project},\"{string.Join(";", stored.Investors)}\",{stored.Zone},{stored.Sector},{stored.Amount + 1m:0.00},{stored.Currency},10,{stored.IssuedOn:yyyy-MM-dd},50,", // row 7: conflict
            $"BAD-5,Known early,{investor},dung-quat,energy,1000000.00,USD,10,2013-02-01,50,2013-01-15",             // row 8: known before it happened
            $"BAD-6,Good row,{investor},dung-quat,energy,1000000.00,USD,10,2013-02-01,50,2013-02-05");               // row 9: fine, but not stored

        var answer = await Upload("", Csv("certificates", certificates + "\r\n"));

        var rejection = await Rejected(answer);
        Assert.Equal(
            [(2, "issued_on", "import.invalid_date"), (3, "sector", "import.unknown_code"), (4, "investors", "import.unknown_investor"),
                (6, "number", "import.duplicate_key"), (7, "capital_amount", "import.conflict"), (8, "known_since", "import.known_since_before_date")],
            rejection.Problems.Select(p => (p.Row, p.Column, p.Code)).ToArray());
        Assert.All(rejection.Problems, p => Assert.Equal("certificates", p.Sheet));
        Assert.DoesNotContain((await Host.Get<Page<Certificate>>(Admin, "/api/v1/certificates?zone=dung-quat&limit=100&issueYear=2013")).Items,
            c => c.Number.StartsWith("BAD", StringComparison.Ordinal));
        var record = await Host.Get<ImportRecord>(Admin, rejection.Import);
        Assert.Equal((ImportStatus.Rejected, 0, 6), (record.Status, record.EventsStored, record.ProblemCount));
    }

    [Fact]
    public async Task a_formula_cell_is_a_problem()
    {
        var workbook = Registry.Generate(seed: 21, certificates: 2, prefix: "FX", zones: ["pho-phong"]).Workbook();
        using (var stream = new MemoryStream())
        {
            stream.Write(workbook);
            using (var document = SpreadsheetDocument.Open(stream, true))
            {
                var part = document.WorkbookPart!;
                var sheet = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "certificates");
                var cell = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>().First(c => c.CellReference == "F2");
                cell.CellFormula = new CellFormula("1000000*2");
                cell.CellValue = new CellValue("2000000");
                cell.DataType = null;
            }
            workbook = stream.ToArray();
        }

        var rejection = await Rejected(await Upload("", Workbook(workbook)));

        var problem = Assert.Single(rejection.Problems);
        Assert.Equal(("certificates", 2, "capital_amount", "import.formula_cell"), (problem.Sheet, problem.Row, problem.Column, problem.Code));
    }

    [Theory]
    [InlineData("registry.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("certificates.csv", "text/csv")]
    public async Task ten_megabytes_of_garbage_get_a_problem(string fileName, string contentType)
    {
        var garbage = new byte[10 * 1024 * 1024];
        new Random(10).NextBytes(garbage);

        var answer = await Upload("", (Path.GetFileNameWithoutExtension(fileName), fileName, contentType, garbage));

        var record = await Finished202Or422(answer);
        Assert.Equal(ImportStatus.Rejected, record.Status);
        Assert.Contains(record.Problems, p => p.Code == "import.unreadable_file");
    }

    /// <summary>10 MB is above the background threshold: the problem is in the import resource once it ran.</summary>
    private async Task<ImportRecord> Finished202Or422(Alba.IScenarioResult answer)
    {
        if (answer.Context.Response.StatusCode == 422)
            return await Host.Get<ImportRecord>(Admin, (await answer.Read<Rejection>()).Import);
        return await Finished(answer);
    }

    [Fact]
    public async Task an_empty_file_a_wrong_file_type_and_a_body_that_is_no_form_get_problems()
    {
        await Rejected(await Upload("", Csv("certificates", "")), "import.empty_file");
        await Rejected(await Upload("", Workbook([])), "import.unreadable_file");
        await (await Upload("", ("file", "registry.pdf", "application/pdf", "%PDF-1.4"u8.ToArray()))).ShouldBe(415, "import.unsupported_file_type");
        await (await Host.SendRaw(Admin, "POST", "/api/v1/imports", "{}")).ShouldBe(415, "import.unsupported_file_type");
        await Rejected(await Upload("", Csv("projects", "name\nx\n")), "import.unknown_sheet");
        await Rejected(await Upload("", Csv("investors", "name;country\nA;VN\n".Replace("country", "nation", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task a_file_above_the_limit_is_refused_before_it_is_read()
    {
        var answer = await Upload("", Workbook(new byte[StartImport.MaxBytes + 1]));
        await answer.ShouldBe(413, "request.too_large");
    }

    [Fact]
    public async Task an_amendment_out_of_order_or_of_an_unknown_certificate_is_a_problem()
    {
        var rejection = await Rejected(await Upload("",
            Csv("amendments", "certificate_number,number,on,capital_change_amount,currency,reason\r\nNOPE-1,1,2013-02-01,1000.00,USD,x\r\n")));
        Assert.Equal(("amendments", 2, "certificate_number", "import.unknown_certificate"),
            (rejection.Problems[0].Sheet, rejection.Problems[0].Row, rejection.Problems[0].Column, rejection.Problems[0].Code));
    }
}
