namespace TriggerLang.Engine.Rendering.Direct;

/// <summary>A statement of a <see cref="DirectTemplate"/>.</summary>
internal abstract class DirectNode
{
    public abstract void Render(DirectRender render);

    public static void RenderAll(DirectNode[] nodes, DirectRender render)
    {
        foreach (var node in nodes)
        {
            node.Render(render);
        }
    }
}

/// <summary>Text between tags, as it stands.</summary>
internal sealed class DirectText(string text) : DirectNode
{
    public override void Render(DirectRender render) => render.WriteText(text);
}

/// <summary><c>{{ value }}</c>.</summary>
internal sealed class DirectOutput(DirectValue value) : DirectNode
{
    public override void Render(DirectRender render) => render.WriteValue(value.Read(render));
}

/// <summary><c>{% if %}</c> with its <c>elsif</c>s, tried in order, and its <c>else</c> (empty when there is none).</summary>
internal sealed class DirectIf(DirectCondition[] conditions, DirectNode[][] branches, DirectNode[] otherwise) : DirectNode
{
    public override void Render(DirectRender render)
    {
        for (var i = 0; i < conditions.Length; i++)
        {
            if (conditions[i].Test(render))
            {
                RenderAll(branches[i], render);
                return;
            }
        }
        RenderAll(otherwise, render);
    }
}

/// <summary>
/// <c>{% for e in events %}</c> over a digest's events; <paramref name="depth"/> is where the loop variable is kept. Outside
/// a digest <c>events</c> is undefined and the loop does nothing, as in Scriban.
/// </summary>
internal sealed class DirectForEvents(int depth, DirectNode[] body) : DirectNode
{
    public override void Render(DirectRender render)
    {
        if (render.Scope.DigestEvents is not { } events)
        {
            return;
        }
        // By index: a foreach over the interface would allocate an enumerator per render.
        for (var i = 0; i < events.Count; i++)
        {
            render.StepLoop();
            render.SetLoopItem(depth, events[i]);
            RenderAll(body, render);
        }
    }
}
