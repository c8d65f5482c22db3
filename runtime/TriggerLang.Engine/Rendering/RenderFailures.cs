using System.Globalization;

namespace TriggerLang.Engine.Rendering;

/// <summary>Why a template failed, in the words of the outcome's detail: "template of field `body` " + one of these.</summary>
internal static class RenderFailures
{
    public static string Loops(RenderLimits limits) => $"went past {Count(limits.MaxLoopIterations)} loop iterations";

    public static string Output(RenderLimits limits) => $"went past {Count(limits.MaxOutputChars)} characters of output";

    public static string Deadline(RenderLimits limits) =>
        $"took longer than {TemplateValues.Normalize((decimal)limits.Deadline.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s to render";

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
