using Investment.Domain.Common;

namespace Investment.Domain.Tests.Common;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Quảng Ngãi", "quang ngai")]
    [InlineData("ĐỒNG Tháp", "dong thap")]
    [InlineData("  Guang Lian Steel (Dung Quat),  Corp. ", "guang lian steel dung quat corp")]
    [InlineData("Tập đoàn Dầu khí Việt Nam", "tap doan dau khi viet nam")]
    [InlineData("Crème Brûlée", "creme brulee")]
    public void folding_removes_case_latin_diacritics_punctuation_and_extra_spaces(string text, string folded) =>
        Assert.Equal(folded, SearchText.Fold(text));

    [Fact]
    public void marks_on_japanese_letters_are_kept_so_different_names_stay_different() =>
        Assert.NotEqual(SearchText.Fold("ガス"), SearchText.Fold("カス"));

    [Theory]
    [InlineData("ＤＯＯＳＡＮ Ｈｅａｖｙ", "doosan heavy")]
    [InlineData("Doo\u200Bsan Heavy", "doosan heavy")]
    [InlineData("\u202EDoosan\u202C Heavy", "doosan heavy")]
    [InlineData("Doo\u3164san Heavy", "doosan heavy")]
    public void fullwidth_letters_and_invisible_characters_fold_to_the_plain_name(string text, string folded) =>
        Assert.Equal(folded, SearchText.Fold(text));

    [Fact]
    public void halfwidth_katakana_folds_to_katakana() => Assert.Equal(SearchText.Fold("カス"), SearchText.Fold("ｶｽ"));

    [Fact]
    public void chinese_and_korean_names_fold_to_themselves() =>
        Assert.Equal("두산중공업 台塑", SearchText.Fold("두산중공업 台塑"));
}

public sealed class CountriesTests
{
    [Theory]
    [InlineData("VN", true)]
    [InlineData("JP", true)]
    [InlineData("TW", true)]
    [InlineData("XX", false)]
    [InlineData("vn", false)]
    [InlineData("VNM", false)]
    [InlineData(null, false)]
    public void only_assigned_alpha2_codes_are_countries(string? code, bool assigned) =>
        Assert.Equal(assigned, Countries.IsAssigned(code));
}

public sealed class StableIdTests
{
    [Fact]
    public void the_same_natural_key_always_gives_the_same_id_and_others_differ()
    {
        Assert.Equal(StableId.From("zone", "dung-quat"), StableId.From("zone", "dung-quat"));
        Assert.NotEqual(StableId.From("zone", "dung-quat"), StableId.From("zone", "tinh-phong"));
        Assert.NotEqual(StableId.From("zone", "x"), StableId.From("investor", "x"));
        Assert.Equal(8, StableId.From("zone", "dung-quat").Version);
    }
}

public sealed class VietnamCalendarTests
{
    [Fact]
    public void today_is_read_in_vietnam_seven_hours_ahead_of_utc()
    {
        Assert.Equal(new NodaTime.LocalDate(2014, 7, 1), VietnamCalendar.Today(NodaTime.Instant.FromUtc(2014, 6, 30, 17, 0)));
        Assert.Equal(new NodaTime.LocalDate(2014, 6, 30), VietnamCalendar.Today(NodaTime.Instant.FromUtc(2014, 6, 30, 16, 59)));
    }
}
