using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.LanguageServer.Features;

/// <summary>
/// Resolves the name at an offset against the semantic model, by where it
/// stands in the tree: the same scoping as the binder (LANGUAGE.md §4) — a
/// bare name in <c>where</c> is a field of the trigger event, in
/// <c>unless F where</c> a field of F; <c>user.x</c> a profile attribute;
/// <c>event.x</c> or <c>alias.x</c> a trigger field.
/// </summary>
public static class SymbolFinder
{
    public static SymbolAt? Find(AnalysedDocument document, int offset)
    {
        var path = SyntaxPath.At(document.Tree.Root, offset);
        if (path[^1] is not IdentifierSyntax { IsMissing: false } name || path.Count < 2)
        {
            return path[^1] is StringLiteralSyntax && path.Count >= 2 ? path[^2] switch
            {
                TemplateValueSyntax { IsFile: true } template => TemplateFile(document, template),
                LiteralExpressionSyntax literal => RuleNamed(document, literal, offset),
                _ => null,
            } : null;
        }
        var model = document.Compilation.Model;
        var schema = model.Schema;
        var parent = path[^2];
        return parent switch
        {
            OnClauseSyntax on when on.Event == name => EventAt(name, schema),
            UnlessClauseSyntax unless when unless.Event == name => EventAt(name, schema),
            GoalClauseSyntax goal when goal.Event == name => EventAt(name, schema),
            EventDeclarationSyntax => EventAt(name, schema),
            RuleDeclarationSyntax rule when rule.Name == name => model.Rule(name.Name) is { } bound ? new RuleAt(name.Span, bound) : null,
            SendClauseSyntax send when send.Channel == name =>
                document.Compilation.Options.Channels.Find(name.Name) is { } channel ? new ChannelAt(name.Span, channel) : null,
            CallExpressionSyntax call when call.Function == name =>
                BuiltInFunctions.All.GetValueOrDefault(name.Name) is { } function ? new FunctionAt(name.Span, function) : null,
            TestEventSyntax test when test.Event == name => EventAt(name, schema),
            TestExpectSyntax expect when expect.Rule == name => model.Rule(name.Name) is { } bound ? new RuleAt(name.Span, bound) : null,
            FieldDeclarationSyntax => DeclaredField(path, name, schema),
            MemberAccessExpressionSyntax member when member.Member == name => Member(document, path, member, name),
            NameExpressionSyntax => BareName(document, path, name),
            _ => null,
        };
    }

    /// <summary>A string that the semantic model knows holds a rule's name (<see cref="RuleNameStrings"/>), when that rule exists.</summary>
    private static RuleAt? RuleNamed(AnalysedDocument document, LiteralExpressionSyntax literal, int offset) =>
        RuleNameStrings.At(document.Compilation, document.File.Path, literal) is { } named && named.Span.ContainsOrTouches(offset)
            && document.Compilation.Model.Rule(named.Name) is { } rule
            ? new RuleAt(named.Span, rule)
            : null;

    private static EventAt? EventAt(IdentifierSyntax name, Schema schema) =>
        schema.Event(name.Name) is { } e ? new EventAt(name.Span, e) : null;

    private static FieldAt? DeclaredField(IReadOnlyList<SyntaxNode> path, IdentifierSyntax name, Schema schema)
    {
        if (path.Nearest<EventDeclarationSyntax>() is { } declaration)
        {
            return schema.Event(declaration.Name.Name)?.Field(name.Name) is { } field ? new FieldAt(name.Span, field, declaration.Name.Name) : null;
        }
        return schema.User.Attribute(name.Name) is { } attribute ? new FieldAt(name.Span, attribute, "user") : null;
    }

    private static FieldAt? Member(AnalysedDocument document, IReadOnlyList<SyntaxNode> path, MemberAccessExpressionSyntax member, IdentifierSyntax name)
    {
        if (member.Target is not NameExpressionSyntax { Identifier.Name: var target })
        {
            return null;
        }
        if (target == "user")
        {
            return document.Compilation.Model.Schema.User.Attribute(name.Name) is { } attribute ? new FieldAt(name.Span, attribute, "user") : null;
        }
        var rule = Rule(document, path);
        var scope = target == "event" || target == rule?.TriggerAlias ? rule?.Trigger : AliasedEvent(path, target, document.Compilation.Model.Schema);
        return scope?.Field(name.Name) is { } field ? new FieldAt(name.Span, field, scope.Name) : null;
    }

    private static SymbolAt? BareName(AnalysedDocument document, IReadOnlyList<SyntaxNode> path, IdentifierSyntax name)
    {
        var schema = document.Compilation.Model.Schema;
        // The innermost clause with its own event decides the scope of a bare name.
        EventSymbol? scope = path.LastOrDefault(n => n is UnlessClauseSyntax or GoalClauseSyntax) switch
        {
            UnlessClauseSyntax unless => schema.Event(unless.Event.Name),
            GoalClauseSyntax goal => schema.Event(goal.Event.Name),
            _ => Rule(document, path)?.Trigger,
        };
        return scope?.Field(name.Name) is { } field ? new FieldAt(name.Span, field, scope.Name) : null;
    }

    /// <summary>An alias declared by <c>unless F as a</c> or <c>goal G as a</c> in the same rule.</summary>
    private static EventSymbol? AliasedEvent(IReadOnlyList<SyntaxNode> path, string alias, Schema schema)
    {
        var rule = path.Nearest<RuleDeclarationSyntax>();
        var clause = rule?.Clauses.FirstOrDefault(c => c is UnlessClauseSyntax { Alias.Name: var a } && a == alias
            || c is GoalClauseSyntax { Alias.Name: var g } && g == alias);
        return clause switch
        {
            UnlessClauseSyntax unless => schema.Event(unless.Event.Name),
            GoalClauseSyntax goal => schema.Event(goal.Event.Name),
            _ => null,
        };
    }

    /// <summary>The bound rule whose syntax holds the path (rules with a taken name are not in the model).</summary>
    public static BoundRule? Rule(AnalysedDocument document, IReadOnlyList<SyntaxNode> path)
    {
        var syntax = path.Nearest<RuleDeclarationSyntax>();
        return syntax is null ? null : document.Compilation.Model.Rules.FirstOrDefault(r => ReferenceEquals(r.Syntax, syntax));
    }

    public static TemplateFileAt TemplateFile(AnalysedDocument document, TemplateValueSyntax template)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(document.File.Path)) ?? "";
        return new TemplateFileAt(template.Text.Span, Path.GetFullPath(Path.Combine(directory, template.Text.Value)));
    }
}
