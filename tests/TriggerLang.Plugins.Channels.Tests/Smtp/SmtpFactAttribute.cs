namespace TriggerLang.Plugins.Channels.Tests.Smtp;

/// <summary>A test that needs the real SMTP server (<see cref="SmtpServerRequirement"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SmtpFactAttribute : FactAttribute
{
    public SmtpFactAttribute() => Skip = SmtpServerRequirement.SkipReason;
}

/// <summary>A theory that needs the real SMTP server (<see cref="SmtpServerRequirement"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SmtpTheoryAttribute : TheoryAttribute
{
    public SmtpTheoryAttribute() => Skip = SmtpServerRequirement.SkipReason;
}

/// <summary>
/// Tests that need the real SMTP server are skipped, with the reason, when no Python has aiosmtpd — except in CI
/// (the <c>CI</c> environment variable is set), where a missing server must fail the run rather than hide tests.
/// </summary>
internal static class SmtpServerRequirement
{
    public static string? SkipReason =>
        SmtpServer.Python is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) ? SmtpServer.NoPython : null;
}
