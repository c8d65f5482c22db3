using NodaTime;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Engine.Decision;
using TriggerLang.Engine.Time;

namespace TriggerLang.Engine.Tests.Time;

/// <summary>The recipient's zone: the user's <c>timezone</c>, else <c>settings.timezone</c>, else UTC (LANGUAGE.md §3, §11).</summary>
public class ZoneResolverTests
{
    private readonly ZoneResolver _paris = new("Europe/Paris");

    [Fact]
    public void The_users_timezone_is_used_when_it_is_a_known_IANA_id()
    {
        var recipient = _paris.ForRecipient("Asia/Kolkata");

        Assert.Equal("Asia/Kolkata", recipient.Zone.Id);
        Assert.Null(recipient.Warning);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_user_without_timezone_gets_settings_timezone_without_a_warning(string? timezone)
    {
        var recipient = _paris.ForRecipient(timezone);

        Assert.Equal("Europe/Paris", recipient.Zone.Id);
        Assert.Null(recipient.Warning);
    }

    [Fact]
    public void An_unknown_user_timezone_falls_back_to_settings_timezone_with_a_warning()
    {
        var recipient = _paris.ForRecipient("Mars/Base");

        Assert.Equal("Europe/Paris", recipient.Zone.Id);
        Assert.Equal("unknown time zone \"Mars/Base\" of user; using Europe/Paris (settings.timezone)", recipient.Warning);
    }

    [Fact]
    public void An_unknown_user_timezone_falls_back_to_UTC_without_settings()
    {
        var recipient = new ZoneResolver("UTC").ForRecipient("+02:00");

        Assert.Equal(DateTimeZone.Utc, recipient.Zone);
        Assert.Equal("unknown time zone \"+02:00\" of user; using UTC", recipient.Warning);
    }

    [Fact]
    public void A_misspelt_user_timezone_is_not_guessed_but_the_warning_suggests_the_id()
    {
        var recipient = _paris.ForRecipient("america/new_york");

        Assert.Equal("Europe/Paris", recipient.Zone.Id);
        Assert.Equal("unknown time zone \"america/new_york\" of user (did you mean \"America/New_York\"?); "
            + "using Europe/Paris (settings.timezone)", recipient.Warning);
    }

    [Fact]
    public void A_profiles_zone_follows_its_timezone_and_an_unknown_one_warns_at_every_ask()
    {
        using var project = RuleProjects.FromText("event ping { }");
        var profile = new Profile(project.Evaluators.NewUser("u1"));
        var berlin = new ZoneResolver("Europe/Berlin");

        // Without a timezone, each resolver falls back to its own settings.timezone.
        Assert.Equal("Europe/Paris", _paris.ForProfile(profile).Zone.Id);
        Assert.Equal("Europe/Berlin", berlin.ForProfile(profile).Zone.Id);
        profile.User.Timezone = "Asia/Kolkata";
        Assert.Equal("Asia/Kolkata", _paris.ForProfile(profile).Zone.Id);
        Assert.Equal("Asia/Kolkata", _paris.ForProfile(profile).Zone.Id);
        profile.User.Timezone = "Mars/Base";
        Assert.NotNull(_paris.ForProfile(profile).Warning);
        Assert.NotNull(_paris.ForProfile(profile).Warning);
        profile.User.Timezone = null;
        Assert.Equal("Europe/Paris", _paris.ForProfile(profile).Zone.Id);
    }

    [Fact]
    public void An_unknown_settings_timezone_falls_back_to_UTC()
    {
        Assert.Equal(DateTimeZone.Utc, new ZoneResolver("Nowhere/Land").ForRecipient(null).Zone);
    }

    [Fact]
    public void Local_is_the_recipients_zone_utc_is_UTC_and_a_name_is_that_IANA_zone()
    {
        var recipient = _paris.ForRecipient("Asia/Kolkata");

        Assert.Equal("Asia/Kolkata", _paris.For(ZoneSpec.Local, recipient).Id);
        Assert.Equal(DateTimeZone.Utc, _paris.For(new ZoneSpec(ZoneKind.Utc, null), recipient));
        Assert.Equal("America/New_York", _paris.For(new ZoneSpec(ZoneKind.Named, "America/New_York"), recipient).Id);
    }
}
