using Microsoft.Extensions.Configuration;
using TriggerLang.Plugins.Hosting;

namespace TriggerLang.Plugins.Tests;

/// <summary>The host's settings from configuration: <c>PluginHost:*</c> for the host, <c>Plugins:NAME:*</c> for each plugin.</summary>
public class PluginHostConfigurationTests
{
    [Theory]
    [InlineData(null, 10)]
    [InlineData("2.5", 2.5)]
    [InlineData("00:00:03", 3)]
    public void The_call_timeout_is_seconds_or_a_time_span_and_10_s_by_default(string? text, double seconds)
    {
        var options = PluginHostConfiguration.FromConfiguration(Configuration(("PluginHost:CallTimeout", text)));

        Assert.Equal(TimeSpan.FromSeconds(seconds), options.CallTimeout);
    }

    [Fact]
    public void Channel_choices_and_nested_plugin_settings_are_read_by_their_keys()
    {
        var options = PluginHostConfiguration.FromConfiguration(Configuration(
            ("PluginHost:Channels:email", "smtp"), ("Plugins:smtp:host", "mail.example.com"), ("Plugins:smtp:tls:mode", "strict")));

        Assert.Equal(new Dictionary<string, string> { ["email"] = "smtp" }, options.ChannelChoices);
        Assert.Equal(new Dictionary<string, string> { ["host"] = "mail.example.com", ["tls:mode"] = "strict" }, options.Settings("smtp"));
        Assert.Empty(options.Settings("other"));
    }

    [Fact]
    public void A_missing_folder_or_a_bad_timeout_says_which_setting()
    {
        var noFolder = Assert.Throws<InvalidOperationException>(() => PluginHostConfiguration.FromConfiguration(new ConfigurationBuilder().Build()));
        var badTimeout = Assert.Throws<InvalidOperationException>(() => PluginHostConfiguration.FromConfiguration(Configuration(("PluginHost:CallTimeout", "soon"))));

        Assert.Contains("`PluginHost:Folder`", noFolder.Message);
        Assert.Contains("`PluginHost:CallTimeout` is \"soon\"", badTimeout.Message);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(
            settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)).Append(new("PluginHost:Folder", "plugins"))).Build();
}
