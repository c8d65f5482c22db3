namespace TriggerLang.Cli.Tests;

/// <summary>`trig test DIR` runs a project's test blocks (LANGUAGE.md §10) with output CI logs read well.</summary>
public class TestCommandTests
{
    [Theory]
    [InlineData("cart-abandonment")]
    [InlineData("followers-digest")]
    [InlineData("onboarding")]
    public void The_examples_tests_pass(string example)
    {
        var result = Trig.Run("test", Examples.Path(example));

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.All(result.OutLines[..^1], line => Assert.StartsWith("PASS ", line));
        Assert.Matches(@"^trig test: (\d+) tests?, \1 passed, 0 failed$", result.OutLines[^1]);
    }

    [Fact]
    public void A_failed_expectation_is_an_error_line_at_the_expect_followed_by_what_happened_and_why()
    {
        using var project = new TempProject().With("rules.trig", """
            event ping { }
            rule hello on ping delay 1h send email "Hello"
            test "hello is sent at once" {
              user u1 { email: "a@example.com" }
              at 2026-12-01T10:00Z event ping for u1
              expect hello sent to u1 at 2026-12-01T10:00Z
            }
            test "hello is sent an hour later" {
              user u1 { email: "a@example.com" }
              at 2026-12-01T10:00Z event ping for u1
              expect hello sent to u1 at 2026-12-01T11:00Z
            }
            """);

        var result = Trig.Run("test", project.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
        [
            "FAIL hello is sent at once",
            $"{project.File("rules.trig")}(6,3): error: test \"hello is sent at once\": expected hello sent to u1 at 2026-12-01T10:00:00Z, "
                + "but no outcome of hello for u1 matches",
            "  actual:",
            "    2026-12-01T11:00:00Z sent via email (trigger e1) { body: \"Hello\" }",
            "      · 2026-12-01T10:00:00Z ping e1 for u1 triggered hello for u1",
            "      · delay 1h: due 2026-12-01T11:00:00Z",
            "      · channel email",
            "      · delivered through email",
            "PASS hello is sent an hour later",
            "trig test: 2 tests, 1 passed, 1 failed",
        ], result.OutLines);
    }

    [Fact]
    public void A_filter_that_matches_nothing_exits_2()
    {
        var result = Trig.Run("test", Examples.Path("onboarding"), "--filter", "no such test");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no test name contains", result.Error);
    }
}
