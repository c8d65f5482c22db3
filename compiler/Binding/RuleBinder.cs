using System.Collections.Immutable;
using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Checking;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Binding;

/// <summary>
/// Binds one rule: resolves its events, types its expressions, validates
/// every clause's values (times, zones, durations, periods) and its sends,
/// and produces the <see cref="BoundRule"/> the engine runs.
/// </summary>
internal sealed class RuleBinder(Schema schema, CompilationOptions options, List<Diagnostic> diagnostics)
{
    private readonly SendBinder _sends = new(schema, options, diagnostics);

    public BoundRule Bind(SourceFile file, RuleDeclarationSyntax rule, string name, bool isAnonymous)
    {
        ClauseStructureChecker.Check(file, rule, diagnostics);
        var clauses = new ClauseValueBinder(file, diagnostics);

        var trigger = ResolveEvent(file, rule.On.Event);
        var triggerUnknown = trigger is null;
        var alias = CheckAlias(file, rule.On.Alias, trigger, null);

        BindingScope Scope(string clause, RecordRoot bareRoot, EventSymbol? bare, bool bareUnknown, bool followers = false) =>
            new(clause, schema.User, trigger, alias, bareRoot, bare) { BareEventUnknown = bareUnknown, AllowsFollowers = followers };

        BoundExpression? where = null;
        var audience = BoundAudience.EventUser;
        DelaySpec? delay = null;
        var unless = ImmutableArray.CreateBuilder<BoundUnless>();
        WindowSpec? window = null;
        RateSpec? cap = null;
        DateTimeOffset? activeFrom = null, activeUntil = null;
        var reeligibility = Reeligibility.Always;
        string? category = null;
        var transactional = false;
        DigestSpec? digest = null;
        BoundGoal? goal = null;

        foreach (var clause in rule.Clauses)
        {
            switch (clause)
            {
                case WhereClauseSyntax w:
                    where = new ExpressionBinder(file, Scope("where", RecordRoot.Trigger, trigger, triggerUnknown), diagnostics)
                        .BindCondition(w.Condition);
                    SelfTriggerChecker.Check(file, name, trigger, where, diagnostics);
                    break;
                case ToClauseSyntax t:
                    audience = BindAudience(file, t, Scope("to", RecordRoot.Trigger, trigger, triggerUnknown, followers: true)) ?? audience;
                    break;
                case DelayClauseSyntax d:
                    delay = clauses.Delay(d);
                    break;
                case UnlessClauseSyntax u:
                    if (BindCandidate(file, u.Event, u.Alias, u.Condition, "unless", alias, Scope) is var (symbol, candidateAlias, condition)
                        && symbol is not null)
                    {
                        unless.Add(new BoundUnless(symbol, candidateAlias, condition,
                            clauses.PositiveDuration(u.Within, "the `within` of an unless"), u));
                    }
                    break;
                case WindowClauseSyntax w:
                    window = clauses.Window(w);
                    break;
                case CapClauseSyntax c:
                    cap = RateBinder.Bind(file, c.Rate, "a cap", diagnostics);
                    break;
                case ActiveClauseSyntax a:
                    (activeFrom, activeUntil) = clauses.Active(a);
                    break;
                case ReeligibleClauseSyntax r:
                    reeligibility = clauses.PositiveDuration(r.After, "`reeligible after`") is { } after
                        ? new Reeligibility(ReeligibilityKind.After, after)
                        : reeligibility;
                    break;
                case OnceClauseSyntax:
                    reeligibility = new Reeligibility(ReeligibilityKind.Once, null);
                    break;
                case CategoryClauseSyntax c when !c.Name.IsMissing:
                    category = c.Name.Name;
                    break;
                case PriorityClauseSyntax p when !p.Level.IsMissing:
                    transactional = p.Level.Name == "transactional";
                    if (!transactional)
                    {
                        diagnostics.Add(DiagnosticBuilder.At(file, p.Level.Span).InvalidPriority(p.Level.Name));
                    }
                    break;
                case DigestClauseSyntax d:
                    digest = clauses.Digest(d);
                    break;
                case GoalClauseSyntax g:
                    goal = BindGoal(file, g, alias, Scope, clauses);
                    break;
            }
        }

        var isDigest = rule.Clause<DigestClauseSyntax>() is not null;
        var sends = rule.Send is null ? [] : _sends.Bind(file, rule.Send, trigger, alias, isDigest);
        var location = new Location(file, rule.Name?.Span ?? rule.On.Span);
        return new BoundRule(name, rule.Title?.Value, isAnonymous, location, rule, trigger, alias, where, audience, delay,
            unless.ToImmutable(), window, cap, activeFrom, activeUntil, reeligibility, category, transactional, digest, goal, sends);
    }

    private EventSymbol? ResolveEvent(SourceFile file, IdentifierSyntax name)
    {
        if (name.IsMissing)
        {
            return null;
        }
        if (schema.Event(name.Name) is { } symbol)
        {
            return symbol;
        }
        diagnostics.Add(DiagnosticBuilder.At(file, name.Span).UnknownEvent(name.Name, Suggestions.Closest(name.Name, schema.Events.Keys)));
        return null;
    }

    /// <summary>
    /// The alias, or null when there is none or it cannot be used: it may not hide the trigger's alias
    /// (<paramref name="triggerAlias"/>, for unless/goal aliases) nor a field of its own event, which bare names reach.
    /// </summary>
    private string? CheckAlias(SourceFile file, IdentifierSyntax? alias, EventSymbol? named, string? triggerAlias)
    {
        if (alias is null || alias.IsMissing)
        {
            return null;
        }
        if (alias.Name is "user" or "event")
        {
            // Keywords, not names: only error recovery puts them here, and the parser has reported them.
            return null;
        }
        var at = DiagnosticBuilder.At(file, alias.Span);
        if (alias.Name == triggerAlias)
        {
            diagnostics.Add(at.InvalidAlias(alias.Name, "it already names the trigger event, which it would hide in this condition; choose another name"));
            return null;
        }
        if (named?.Field(alias.Name) is not null)
        {
            diagnostics.Add(at.InvalidAlias(alias.Name,
                $"event `{named.Name}` has a field `{alias.Name}`, and a bare `{alias.Name}` must keep meaning that field; choose another name"));
            return null;
        }
        return alias.Name;
    }

    private (EventSymbol? Symbol, string? Alias, BoundExpression? Condition) BindCandidate(
        SourceFile file, IdentifierSyntax eventName, IdentifierSyntax? aliasSyntax, ExpressionSyntax? condition, string clause,
        string? triggerAlias, Func<string, RecordRoot, EventSymbol?, bool, bool, BindingScope> scopeFor)
    {
        var symbol = ResolveEvent(file, eventName);
        var alias = CheckAlias(file, aliasSyntax, symbol, triggerAlias);
        BoundExpression? bound = null;
        if (condition is not null)
        {
            var scope = scopeFor($"{clause} … where", RecordRoot.Candidate, symbol, symbol is null, false);
            if (alias is not null)
            {
                scope.AddCandidateAlias(alias, symbol);
            }
            bound = new ExpressionBinder(file, scope, diagnostics).BindCondition(condition);
        }
        return (symbol, alias, bound);
    }

    private BoundGoal? BindGoal(SourceFile file, GoalClauseSyntax goal, string? triggerAlias,
        Func<string, RecordRoot, EventSymbol?, bool, bool, BindingScope> scopeFor, ClauseValueBinder clauses)
    {
        var (symbol, alias, condition) = BindCandidate(file, goal.Event, goal.Alias, goal.Condition, "goal", triggerAlias, scopeFor);
        if (goal.Within is null)
        {
            diagnostics.Add(DiagnosticBuilder.At(file, goal.KeywordSpan).MissingWithin());
            return null;
        }
        var within = clauses.PositiveDuration(goal.Within, "the `within` of a goal");
        return symbol is not null && within is { } w ? new BoundGoal(symbol, alias, condition, w) : null;
    }

    private BoundAudience? BindAudience(SourceFile file, ToClauseSyntax clause, BindingScope scope)
    {
        var bound = new ExpressionBinder(file, scope, diagnostics).Bind(clause.Audience);
        if (bound.Type.IsError)
        {
            return null;
        }
        if (bound is BoundCall { Function.Name: "followers" } call)
        {
            return new BoundAudience(AudienceKind.Followers, call.Arguments[0]);
        }
        if (bound.Type.Kind == TypeSystem.TypeKind.User)
        {
            return new BoundAudience(AudienceKind.User, bound);
        }
        diagnostics.Add(DiagnosticBuilder.At(file, clause.Audience.Span).AudienceNotUser(ExpressionBinder.Describe(bound.Type)));
        return null;
    }
}
