using System.Globalization;
using System.Text;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Rendering.Direct;

/// <summary>
/// One render of a <see cref="DirectTemplate"/>: the scope it reads, the output it writes, and the limits it counts
/// against, in the steps Scriban counts them (<see cref="RenderContext"/>): a value written and a loop step check the
/// clock, plain text does not (Scriban writes it past the hook we check in); every write checks the output size.
/// Reused render after render, so it keeps no state between them.
/// </summary>
internal sealed class DirectRender(RenderLimits limits)
{
    private readonly StringBuilder _text = new();
    private readonly RenderBudget _budget = new(limits);
    private EventRecord[] _loopItems = [];

    public RenderScope Scope { get; private set; }

    public string Render(DirectTemplate template, RenderScope scope)
    {
        Scope = scope;
        _text.Clear();
        _budget.Start();
        if (_loopItems.Length < template.LoopDepth)
        {
            _loopItems = new EventRecord[template.LoopDepth];
        }
        DirectNode.RenderAll(template.Body, this);
        return _text.ToString();
    }

    public EventRecord LoopItem(int depth) => _loopItems[depth];

    public void SetLoopItem(int depth, EventRecord item) => _loopItems[depth] = item;

    public void StepLoop() => _budget.StepLoop();

    public void WriteText(string text)
    {
        _text.Append(text);
        CheckOutput();
    }

    /// <summary>A value as Scriban prints it with our context (<see cref="RenderContext.ObjectToString"/>): absent as nothing.</summary>
    public void WriteValue(object? value)
    {
        _budget.CheckDeadline();
        switch (value)
        {
            case null:
                return;
            case string text:
                _text.Append(text);
                break;
            case bool flag:
                _text.Append(flag ? "true" : "false");
                break;
            case decimal number:
                _text.Append(CultureInfo.InvariantCulture, $"{TemplateValues.Normalize(number)}");
                break;
            case int number:
                _text.Append(CultureInfo.InvariantCulture, $"{number}");
                break;
            case long number:
                _text.Append(CultureInfo.InvariantCulture, $"{number}");
                break;
            default:
                // Timestamps and durations: their text (LANGUAGE.md §11), as the Scriban path gets them.
                _text.Append((string?)TemplateValues.Value(value));
                break;
        }
        CheckOutput();
    }

    private void CheckOutput()
    {
        if (_text.Length > limits.MaxOutputChars)
        {
            throw new RenderLimitException(RenderFailures.Output(limits));
        }
    }
}
