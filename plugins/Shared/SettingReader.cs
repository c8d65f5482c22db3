using System.Globalization;

namespace TriggerLang.Plugins;

/// <summary>Typed settings for the built-in plugins; a bad value is a <see cref="PluginConfigurationException"/> naming the key.</summary>
internal static class SettingReader
{
    public static TimeSpan Seconds(PluginContext context, string key, double fallback) =>
        TimeSpan.FromSeconds(Number(context, key, fallback, minimum: 0.001));

    public static int Integer(PluginContext context, string key, int fallback, int minimum, int maximum)
    {
        var value = Number(context, key, fallback, minimum);
        return value <= maximum && value == Math.Floor(value)
            ? (int)value
            : throw Invalid(context, key, $"a whole number from {minimum} to {maximum}");
    }

    public static Uri HttpUrl(PluginContext context, string key) =>
        Uri.TryCreate(context.RequiredSetting(key), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw Invalid(context, key, "an absolute http:// or https:// URL");

    private static double Number(PluginContext context, string key, double fallback, double minimum)
    {
        if (context.Setting(key) is not { } text)
        {
            return fallback;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw Invalid(context, key, $"a number of at least {minimum.ToString(CultureInfo.InvariantCulture)}");
    }

    private static PluginConfigurationException Invalid(PluginContext context, string key, string expected) =>
        new($"plugin `{context.Name}`: the setting `Plugins:{context.Name}:{key}` must be {expected}");
}
