using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Binding;

/// <summary>
/// Collects the declarations of all files of a project into one namespace:
/// events, user attributes, settings and global limits (LANGUAGE.md §1, §2).
/// </summary>
internal sealed class DeclarationBinder(ChannelCatalog channels, List<Diagnostic> diagnostics)
{
    public (Schema Schema, ProjectSettings Settings, IReadOnlyList<GlobalLimit> Limits) Bind(IReadOnlyList<SyntaxTree> trees)
    {
        var events = BuiltInEvents.All.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var attributes = new List<FieldSymbol>();
        var settings = ProjectSettings.Default;
        var seenSettings = new HashSet<string>(StringComparer.Ordinal);
        var limits = new List<GlobalLimit>();

        foreach (var tree in trees)
        {
            var file = tree.File;
            foreach (var item in tree.Root.Items)
            {
                switch (item)
                {
                    case EventDeclarationSyntax declaration:
                        BindEvent(file, declaration, events);
                        break;
                    case UserDeclarationSyntax user:
                        BindUser(file, user, attributes);
                        break;
                    case SettingsDeclarationSyntax block:
                        settings = BindSettings(file, block, settings, seenSettings);
                        break;
                    case LimitsDeclarationSyntax block:
                        BindLimits(file, block, limits);
                        break;
                }
            }
        }
        return (new Schema(events, new UserSchema(attributes)), settings, limits);
    }

    private void BindEvent(SourceFile file, EventDeclarationSyntax declaration, Dictionary<string, EventSymbol> events)
    {
        var name = declaration.Name;
        if (name.IsMissing)
        {
            return;
        }
        var fields = BindFields(file, declaration.Fields, $"event `{name.Name}`", []);
        var symbol = new EventSymbol(name.Name, new Location(file, name.Span), fields);
        if (events.TryGetValue(name.Name, out var existing))
        {
            Report(file, name.Span, b => existing.Declaration is { } first
                ? b.DuplicateEvent(name.Name, first)
                : b.BuiltInEventRedeclared(name.Name));
            return;
        }
        events.Add(name.Name, symbol);
    }

    private void BindUser(SourceFile file, UserDeclarationSyntax user, List<FieldSymbol> attributes)
    {
        var builtIns = UserSchema.BuiltIns.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var field in user.Fields)
        {
            if (builtIns.Contains(field.Name.Name))
            {
                Report(file, field.Name.Span, b => b.BuiltInAttributeRedeclared(field.Name.Name));
            }
        }
        var declared = user.Fields.Where(f => !builtIns.Contains(f.Name.Name)).ToList();
        attributes.AddRange(BindFields(file, declared, "the user profile", attributes.Select(a => a.Name)));
    }

    private List<FieldSymbol> BindFields(SourceFile file, IEnumerable<FieldDeclarationSyntax> syntax, string owner, IEnumerable<string> existing)
    {
        var seen = new HashSet<string>(existing, StringComparer.Ordinal);
        var fields = new List<FieldSymbol>();
        foreach (var field in syntax)
        {
            if (field.Name.IsMissing)
            {
                continue;
            }
            var type = BindType(file, field.Type);
            if (!seen.Add(field.Name.Name))
            {
                Report(file, field.Name.Span, b => b.DuplicateField(owner, field.Name.Name));
                continue;
            }
            fields.Add(new FieldSymbol(field.Name.Name, type, new Location(file, field.Name.Span)));
        }
        return fields;
    }

    public TrigType BindType(SourceFile file, TypeSyntax syntax)
    {
        var name = syntax.Name.Name;
        if (syntax.Name.IsMissing)
        {
            return TrigType.Error;
        }
        TrigType type;
        if (name == "list")
        {
            if (syntax.Argument is null)
            {
                Report(file, syntax.Name.Span, b => b.InvalidTypeArgument("`list` needs an element type, such as `list<string>`"));
                return TrigType.Error;
            }
            type = TrigType.ListOf(BindType(file, syntax.Argument));
        }
        else if (TrigType.Named.TryGetValue(name, out var named))
        {
            if (syntax.Argument is not null)
            {
                Report(file, syntax.Argument.Span, b => b.InvalidTypeArgument($"only `list` takes a type argument; `{name}` does not"));
            }
            type = named;
        }
        else
        {
            Report(file, syntax.Name.Span, b => b.UnknownType(name, Suggestions.Closest(name, TrigType.Named.Keys.Append("list"))));
            return TrigType.Error;
        }
        return syntax.IsOptional ? type.AsOptional() : type;
    }

    private ProjectSettings BindSettings(SourceFile file, SettingsDeclarationSyntax block, ProjectSettings settings, HashSet<string> seen)
    {
        foreach (var setting in block.Settings)
        {
            var name = setting.Name.Name;
            if (setting.Name.IsMissing)
            {
                continue;
            }
            if (name != "timezone")
            {
                Report(file, setting.Name.Span, b => b.UnknownSetting(name, Suggestions.Closest(name, ["timezone"])));
                continue;
            }
            if (!seen.Add(name))
            {
                Report(file, setting.Name.Span, b => b.DuplicateSetting(name));
                continue;
            }
            if (setting.Value is not { Kind: LiteralKind.String, Value: string zone })
            {
                Report(file, setting.Value.Span, b => b.InvalidSettingValue(name, "an IANA time zone name in quotes, such as \"Europe/Paris\""));
                continue;
            }
            if (!TimeZones.IsKnown(zone))
            {
                Report(file, setting.Value.Span, b => b.UnknownTimeZone(zone, TimeZones.Suggest(zone), keywordsAllowed: false));
                continue;
            }
            settings = settings with { TimeZone = zone };
        }
        return settings;
    }

    private void BindLimits(SourceFile file, LimitsDeclarationSyntax block, List<GlobalLimit> limits)
    {
        foreach (var cap in block.Caps)
        {
            string? channel = null;
            if (cap.Channel is { IsMissing: false } channelName)
            {
                if (channels.Find(channelName.Name) is null)
                {
                    Report(file, channelName.Span, b => b.UnknownChannel(channelName.Name,
                        Suggestions.Closest(channelName.Name, channels.Names), channels.Names, channels.Source));
                    continue;
                }
                channel = channelName.Name;
            }
            if (RateBinder.Bind(file, cap.Rate, "a global cap", diagnostics) is not { } rate)
            {
                continue;
            }
            if (limits.Any(l => l.Channel == channel && l.Period == rate.Period))
            {
                Report(file, cap.Span, b => b.DuplicateLimit(channel));
                continue;
            }
            limits.Add(new GlobalLimit(channel, rate.Count, rate.Period));
        }
    }

    private void Report(SourceFile file, TextSpan span, Func<DiagnosticBuilder, Diagnostic> build) =>
        diagnostics.Add(build(DiagnosticBuilder.At(file, span)));
}
