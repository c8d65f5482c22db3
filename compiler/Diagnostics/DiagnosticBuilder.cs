using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Text;
using TriggerLang.Compiler.TypeSystem;
using static TriggerLang.Compiler.Diagnostics.DiagnosticCatalog;

namespace TriggerLang.Compiler.Diagnostics;

/// <summary>
/// Builds diagnostics with their messages, so that call sites read like prose:
/// <c>DiagnosticBuilder.At(file, span).UnknownEvent(name, candidates)</c>.
/// Every message says what is wrong and what to do about it.
/// </summary>
public readonly struct DiagnosticBuilder(Location? location)
{
    public static DiagnosticBuilder At(SourceFile file, TextSpan span) => new(new Location(file, span));

    public static DiagnosticBuilder ForProject() => new(null);

    // ── Syntax ──────────────────────────────────────────────────────────

    public Diagnostic UnexpectedToken(string message) => Create(DiagnosticCatalog.UnexpectedToken, message);

    public Diagnostic MissingSend(string? ruleName) => Create(DiagnosticCatalog.MissingSend,
        $"{RuleLabel(ruleName)} has no send clause: a rule ends with `send CHANNEL \"text\"` or `send CHANNEL {{ field: \"text\" }}`");

    public Diagnostic UnterminatedString() => Create(DiagnosticCatalog.UnterminatedString,
        "this string has no closing quote: add `\"` before the end of the line (write `\\n` for a line break inside it)");

    public Diagnostic InvalidEscape(string escape) => Create(DiagnosticCatalog.InvalidEscape,
        $"`{escape}` is not a valid escape: use \\\" \\\\ \\n \\t or \\uXXXX (four hex digits)");

    public Diagnostic UnterminatedComment() => Create(DiagnosticCatalog.UnterminatedComment,
        "this block comment is never closed: add `*/` where it should end");

    public Diagnostic InvalidCharacter(string text) => Create(DiagnosticCatalog.InvalidCharacter,
        $"unexpected character{(text.Length > 1 ? "s" : "")} `{text}`: names use the ASCII letters a-z and A-Z, digits and `_`, and other text goes in double quotes");

    public Diagnostic InvalidDuration(string text) => Create(DiagnosticCatalog.InvalidDuration,
        $"`{text}` is not a duration: write whole numbers with a unit s, m, h, d or w, such as `30m`, `2h` or `1h30m`");

    public Diagnostic InvalidTime(string text) => Create(DiagnosticCatalog.InvalidTime,
        $"`{text}` is not a time of day: use HH:MM from 00:00 to 23:59");

    public Diagnostic InvalidDateTime(string text) => Create(DiagnosticCatalog.InvalidDateTime,
        $"`{text}` is not a valid date or date-time: use `2026-12-01`, `2026-12-01T10:00Z` or `2026-12-01T10:00+01:00`");

    public Diagnostic NumberOutOfRange(string text) => Create(DiagnosticCatalog.NumberOutOfRange,
        $"the number `{text}` is too large: numbers have at most 28 significant digits, counts at most 2147483647");

    public Diagnostic NestingTooDeep(int limit) => Create(DiagnosticCatalog.NestingTooDeep,
        $"this expression is nested more than {limit} levels deep: split it into simpler conditions");

    public Diagnostic UnknownClause(string word, string? suggestion) => Create(DiagnosticCatalog.UnknownClause,
        $"`{word}` is not a rule clause{(suggestion is null ? ": a" : $"; did you mean `{suggestion}`? A")} rule continues with where, to, "
        + "delay, unless, window, cap, active, reeligible, once, category, priority, digest or goal, and ends with send",
        suggestion is null ? null : new CodeFix($"Change to '{suggestion}'", location!.Value.Span, suggestion));

    /// <summary>A brace that is never closed; reported at the opening one.</summary>
    public Diagnostic UnclosedBlock(string what, LinePosition opened) => Create(DiagnosticCatalog.UnclosedBlock,
        $"the {what} opened at line {opened.Line + 1} is never closed: add `}}`");

    /// <summary>A bracket that is never closed; reported at the opening one. <paramref name="where"/> says where the closing one goes.</summary>
    public Diagnostic UnclosedBracket(string opener, string closer, string where) => Create(DiagnosticCatalog.UnclosedBlock,
        $"this `{opener}` is never closed: add `{closer}` {where}");

    // ── Project and files ───────────────────────────────────────────────

    public Diagnostic NoSourceFiles(string folder) => Create(DiagnosticCatalog.NoSourceFiles,
        $"no .trig files found in `{folder}`: pass the folder that holds the rules project");

    public Diagnostic UnreadableFile(string path, string reason) => Create(DiagnosticCatalog.UnreadableFile,
        $"cannot read `{path}`: {reason}");

    public Diagnostic UnusableFolder(string message) => Create(DiagnosticCatalog.UnusableFolder, message);

    public Diagnostic InvalidEncoding(long byteOffset) => Create(DiagnosticCatalog.InvalidEncoding,
        $"this file is not valid UTF-8 (first bad byte at offset {byteOffset}): save it as UTF-8");

    // ── Declarations ────────────────────────────────────────────────────

    public Diagnostic DuplicateEvent(string name, Location first) => Create(DiagnosticCatalog.DuplicateEvent,
        $"event `{name}` is already declared at {Describe(first)}: all .trig files of a project share one namespace; rename or remove one");

    public Diagnostic DuplicateField(string owner, string name) => Create(DiagnosticCatalog.DuplicateField,
        $"{owner} already has a field `{name}`: remove or rename this one");

    public Diagnostic UnknownType(string name, string? suggestion) => Create(DiagnosticCatalog.UnknownType,
        $"unknown type `{name}`{Explain(suggestion, "types are string, int, decimal, money, bool, timestamp, duration, user and list<T>, each optionally with `?`")}",
        Fix(suggestion));

    public Diagnostic BuiltInAttributeRedeclared(string name) => Create(DiagnosticCatalog.BuiltInAttributeRedeclared,
        $"`{name}` is a built-in user attribute (id, timezone, email, phone, push_token): remove this declaration");

    public Diagnostic BuiltInEventRedeclared(string name) => Create(DiagnosticCatalog.BuiltInEventRedeclared,
        $"`{name}` is a built-in event: remove this declaration or choose another name");

    public Diagnostic DuplicateRule(string name, Location first, bool firstIsAnonymous = false) => Create(DiagnosticCatalog.DuplicateRule,
        firstIsAnonymous
            ? $"a rule named `{name}` already exists at {Describe(first)} (an anonymous rule, named after its file): rule names are stable ids; "
              + "rename this rule, or name that one with `rule NAME`"
            : $"a rule named `{name}` already exists at {Describe(first)}: rule names are stable ids, give each rule its own");

    public Diagnostic DuplicateAnonymousRule(string name, Location first) => Create(DiagnosticCatalog.DuplicateRule,
        $"this anonymous rule is named `{name}` after its file, but a rule named `{name}` already exists at {Describe(first)}: name it with `rule NAME`");

    public Diagnostic AnonymousRuleNeedsName(string assignedName) => Create(DiagnosticCatalog.AnonymousRuleNeedsName,
        $"this anonymous rule is named `{assignedName}` because its file has several rules; its caps and history hang on that name, so name it with `rule NAME`");

    public Diagnostic DuplicateSetting(string name) => Create(DiagnosticCatalog.DuplicateSetting,
        $"setting `{name}` is already given: keep one");

    public Diagnostic UnknownSetting(string name, string? suggestion) => Create(DiagnosticCatalog.UnknownSetting,
        $"unknown setting `{name}`{Explain(suggestion, "the only setting is timezone")}", Fix(suggestion));

    public Diagnostic InvalidSettingValue(string name, string expected) => Create(DiagnosticCatalog.InvalidSettingValue,
        $"setting `{name}` needs {expected}");

    public Diagnostic InvalidTypeArgument(string message) => Create(DiagnosticCatalog.InvalidTypeArgument, message);

    public Diagnostic DuplicateTest(string name) => Create(DiagnosticCatalog.DuplicateTest,
        $"a test named \"{name}\" already exists: give each test its own name");

    public Diagnostic DuplicateLimit(string? channel) => Create(DiagnosticCatalog.DuplicateLimit,
        $"the global cap {(channel is null ? "for all channels" : $"for `{channel}`")} with this period is already given: keep one");

    // ── Rules and clauses ───────────────────────────────────────────────

    public Diagnostic UnknownEvent(string name, string? suggestion) => Create(DiagnosticCatalog.UnknownEvent,
        $"unknown event `{name}`{DidYouMean(suggestion)}" + (suggestion is null ? $": declare it with `event {name} {{ … }}`" : ""),
        Fix(suggestion));

    public Diagnostic DuplicateClause(string keyword) => Create(DiagnosticCatalog.DuplicateClause,
        $"`{keyword}` may appear only once in a rule: " + (keyword == "where" ? "merge the two conditions with `and`" : "keep one"));

    public Diagnostic DigestConflict(string keyword) => Create(DiagnosticCatalog.DigestConflict,
        $"a digest rule cannot have `{keyword}`: its send time is the digest time; remove `{keyword}` or the digest");

    public Diagnostic WhereAfterUnless() => Create(DiagnosticCatalog.WhereAfterUnless,
        "the rule's `where` must come before any `unless` (a `where` right after `unless EVENT` filters that exception event): move it up after `on`");

    /// <summary>An unknown channel; <paramref name="source"/> is the plugins folder the channels come from (null: the built-in ones).</summary>
    public Diagnostic UnknownChannel(string name, string? suggestion, IEnumerable<string> known, string? source = null) => Create(DiagnosticCatalog.UnknownChannel,
        $"unknown channel `{name}`" + Explain(suggestion, source is null
            ? $"the available channels are {string.Join(", ", known)}"
            : known.Any()
                ? $"the plugins in `{source}` provide {string.Join(", ", known)}; add a plugin that declares `{name}` there"
                : $"the plugins in `{source}` provide no channel; add a plugin that declares `{name}` there"),
        Fix(suggestion));

    public Diagnostic UnknownChannelField(ChannelDefinition channel, string field, string? suggestion, IEnumerable<string> known) => Create(
        DiagnosticCatalog.UnknownChannelField,
        $"{ChannelLabel(channel)} has no field `{field}`{Explain(suggestion, $"its fields are {string.Join(", ", known)}")}", Fix(suggestion));

    public Diagnostic MissingChannelField(ChannelDefinition channel, string field) => Create(DiagnosticCatalog.MissingChannelField,
        $"{ChannelLabel(channel)} needs the field `{field}`: add `{field}: \"…\"` to the send block");

    public Diagnostic DuplicateSendField(string field) => Create(DiagnosticCatalog.DuplicateSendField,
        $"field `{field}` is already given in this send: keep one");

    public Diagnostic InvalidPeriod(string text, string? suggestion) => Create(DiagnosticCatalog.InvalidPeriod,
        $"`{text}` is not a period{Explain(suggestion, "use hour, day, week or a duration such as 7d")}", Fix(suggestion));

    public Diagnostic InvalidCount(string what) => Create(DiagnosticCatalog.InvalidCount, $"{what} must be at least 1");

    /// <summary>An unknown IANA zone; <paramref name="keywordsAllowed"/> when <c>local</c> and <c>utc</c> may be written instead (clauses, not settings).</summary>
    public Diagnostic UnknownTimeZone(string zone, string? suggestion, bool keywordsAllowed = true) => Create(DiagnosticCatalog.UnknownTimeZone,
        $"unknown time zone \"{zone}\"" + SuggestThen(suggestion is null ? null : $"\"{suggestion}\"",
            "use an IANA name such as \"Europe/Paris\" or \"America/New_York\"" + (keywordsAllowed ? ", or local or utc" : "")),
        Fix(suggestion is null ? null : $"\"{suggestion}\""));

    public Diagnostic InvalidWeekday(string text, string? suggestion) => Create(DiagnosticCatalog.InvalidWeekday,
        $"`{text}` is not a weekday{Explain(suggestion, "use mon, tue, wed, thu, fri, sat, sun, ranges like mon-fri and lists like sat,sun")}",
        Fix(suggestion));

    public Diagnostic InvalidDigestFrequency(string text, string? suggestion) => Create(DiagnosticCatalog.InvalidDigestFrequency,
        $"`{text}` is not a digest frequency{Explain(suggestion, "use daily or weekly")}", Fix(suggestion));

    public Diagnostic DigestDayNotWeekly() => Create(DiagnosticCatalog.DigestDayNotWeekly,
        "only a weekly digest has a day: remove `on DAY` or make the digest weekly");

    public Diagnostic InvalidPriority(string text) => Create(DiagnosticCatalog.InvalidPriority,
        $"`{text}` is not a priority: the only priority is `transactional`",
        new CodeFix("Change to 'transactional'", location!.Value.Span, "transactional"));

    public Diagnostic EmptyActiveRange() => Create(DiagnosticCatalog.EmptyActiveRange,
        "this active range is empty: its start must be before its end");

    public Diagnostic MissingWithin() => Create(DiagnosticCatalog.MissingWithin,
        "a goal needs a conversion window: add `within D`, e.g. `goal purchase within 7d`");

    public Diagnostic OnceWithReeligible() => Create(DiagnosticCatalog.OnceWithReeligible,
        "`once` and `reeligible after` contradict each other: keep one");

    public Diagnostic InvalidAlias(string alias, string reason) => Create(DiagnosticCatalog.InvalidAlias,
        $"`{alias}` cannot be used as an alias: {reason}");

    public Diagnostic AudienceNotUser(string type) => Create(DiagnosticCatalog.AudienceNotUser,
        $"`to` needs the recipients: `followers(FIELD)` or a user-typed field, but this is {type}");

    public Diagnostic TemplateFileNotFound(string path) => Create(DiagnosticCatalog.TemplateFileNotFound,
        $"template file `{path}` not found: paths are relative to the .trig file that uses them");

    public Diagnostic TemplateOutsideProject(string path) => Create(DiagnosticCatalog.TemplateOutsideProject,
        $"template file `{path}` is outside the rules project: keep templates inside the project folder");

    public Diagnostic RepeatedFallbackChannel(string channel) => Create(DiagnosticCatalog.RepeatedFallbackChannel,
        $"this fallback uses `{channel}` again, so it can never help: fall back to another channel");

    public Diagnostic NonPositiveDuration(string what) => Create(DiagnosticCatalog.NonPositiveDuration,
        $"{what} must be longer than zero");

    public Diagnostic ZeroLengthWindow() => Create(DiagnosticCatalog.ZeroLengthWindow,
        "this window starts and ends at the same time, so it is open all day: remove it or give it an end");

    public Diagnostic SelfTriggeringRule(string name) => Create(DiagnosticCatalog.SelfTriggeringRule,
        $"rule `{name}` only reacts to its own messages, and a rule never triggers on its own message_sent: compare `rule` with another rule's name");

    // ── Expressions and types ───────────────────────────────────────────

    public Diagnostic UnknownField(string owner, string name, string? suggestion) => Create(DiagnosticCatalog.UnknownField,
        $"{owner} has no field `{name}`" + (suggestion is not null ? DidYouMean(suggestion)
            : owner == "the user profile" ? $": declare it in the project's user block, e.g. `user {{ {name}: string? }}`"
            : $": add it to the declaration of {owner}"),
        Fix(suggestion));

    /// <summary>An unknown bare name; <paramref name="scope"/> says what bare names are here, and comes before the suggestion.</summary>
    public Diagnostic UnknownName(string name, string? suggestion, string scope) => Create(DiagnosticCatalog.UnknownName,
        $"unknown name `{name}`: {scope}{DidYouMean(suggestion)}", Fix(suggestion));

    public Diagnostic UnknownFunction(string name, string? suggestion) => Create(DiagnosticCatalog.UnknownFunction,
        $"unknown function `{name}`{Explain(suggestion, "the functions are lower, upper, len, contains, starts_with, ends_with, abs, round, min, max, coalesce, exists, days_since and followers")}",
        Fix(suggestion));

    public Diagnostic WrongArgumentCount(string signature, int given) => Create(DiagnosticCatalog.WrongArgumentCount,
        $"`{signature}` takes {DescribeArity(signature)}, not {given}");

    public Diagnostic ArgumentTypeMismatch(string function, int position, string expected, string actual) => Create(
        DiagnosticCatalog.ArgumentTypeMismatch,
        $"argument {position} of `{function}` must be {expected}, not {actual}");

    public Diagnostic OperatorTypeMismatch(string op, string left, string right, string hint) => Create(DiagnosticCatalog.OperatorTypeMismatch,
        $"`{op}` cannot be applied to {left} and {right}{hint}");

    public Diagnostic UnaryTypeMismatch(string op, string operand, string expected) => Create(DiagnosticCatalog.OperatorTypeMismatch,
        $"`{op}` needs {expected}, not {operand}");

    public Diagnostic ConditionNotBoolean(string clause, string type) => Create(DiagnosticCatalog.ConditionNotBoolean,
        $"the `{clause}` condition must be true or false, but this is {type}: compare it, e.g. `x > 0` or `exists(x)`");

    public Diagnostic NoMembers(string type, string member) => Create(DiagnosticCatalog.NoMembers,
        $"{type} has no fields, so `.{member}` is not allowed");

    public Diagnostic ListElementMismatch(string expected, string actual) => Create(DiagnosticCatalog.ListElementMismatch,
        $"list elements must all have one type: this is {actual}, the first is {expected}");

    public Diagnostic FollowersOutsideTo() => Create(DiagnosticCatalog.FollowersOutsideTo,
        "`followers(…)` names an audience: use it only in `to followers(FIELD)`");

    public Diagnostic NullComparison(string op) => Create(DiagnosticCatalog.NullComparison,
        $"`null` can only be compared with `==` or `!=` (to test absence or presence), not with `{op}`");

    public Diagnostic RecordAsValue(string name, string example) => Create(DiagnosticCatalog.RecordAsValue,
        $"`{name}` is a whole record, not a value: use one of its fields, such as `{example}`");

    // ── Templates ───────────────────────────────────────────────────────

    public Diagnostic TemplateSyntaxError(string message) => Create(DiagnosticCatalog.TemplateSyntaxError,
        $"template syntax error: {message}");

    public Diagnostic UnclosedTemplateDelimiter(string opener, string closer) => Create(DiagnosticCatalog.TemplateSyntaxError,
        $"this `{opener}` is never closed: add `{closer}`");

    public Diagnostic UnclosedTemplateBlock(string tag) => Create(DiagnosticCatalog.TemplateSyntaxError,
        $"`{{% {tag} %}}` is never closed: add `{{% end{tag} %}}` where it should end");

    public Diagnostic UnknownTemplateTag(string name, string? suggestion) => Create(DiagnosticCatalog.TemplateSyntaxError,
        $"unknown tag `{name}`{DidYouMean(suggestion)}: the tags are assign, capture, case, comment, cycle, decrement, for, if, increment, raw, tablerow and unless",
        Fix(suggestion));

    public Diagnostic TemplateIncludeNotSupported(string tag) => Create(DiagnosticCatalog.TemplateSyntaxError,
        $"`{tag}` is not supported: a message template cannot include another template; put the text here, or use `template \"path\"` in the send");

    public Diagnostic TemplateFunctionDefinition() => Create(DiagnosticCatalog.TemplateSyntaxError,
        "`name(…) = …` defines a function, which Liquid does not have: compute the value with `{% assign %}` first, and use that");

    public Diagnostic TemplateMissingPipe() => Create(DiagnosticCatalog.TemplateSyntaxError,
        "two values side by side: Liquid applies a filter after `|`, as in `{{ user.first_name | upcase }}`");

    public Diagnostic UnknownTemplateVariable(string name, string? suggestion, IEnumerable<string> inScope) => Create(
        DiagnosticCatalog.UnknownTemplateVariable,
        $"unknown template variable `{name}`{Explain(suggestion, $"in scope here are {string.Join(", ", inScope)}")}",
        Fix(suggestion));

    public Diagnostic UnknownTemplateField(string owner, string name, string? suggestion, IReadOnlyCollection<string> fields) => Create(
        DiagnosticCatalog.UnknownTemplateField,
        $"{owner} has no field `{name}`{Explain(suggestion, fields.Count == 0 ? "it has no fields" : $"its fields are {string.Join(", ", fields)}")}",
        Fix(suggestion));

    public Diagnostic TemplateValueHasNoFields(string path, TrigType type, string name) => Create(DiagnosticCatalog.UnknownTemplateField,
        $"`{path}` is {(type.Kind == TypeKind.User ? "a user (rendered as its id)" : type.AsRequired().ToString())}, which has no fields: remove `.{name}`");

    public Diagnostic DigestVariableOutsideDigest(string name) => Create(DiagnosticCatalog.DigestVariableOutsideDigest,
        $"`{name}` exists only in digest rules ({(name == "count" ? "the number of collected events" : "the list of collected events")}): "
        + "add `digest daily at HH:MM local` to the rule, or use `event` for the event that triggered it");

    // ── Tests ───────────────────────────────────────────────────────────

    public Diagnostic TestUnknownRule(string name, string? suggestion) => Create(DiagnosticCatalog.TestUnknownRule,
        $"no rule named `{name}`{DidYouMean(suggestion)}", Fix(suggestion));

    public Diagnostic TestInvalidStatus(string text, string expected, string? suggestion) => Create(DiagnosticCatalog.TestInvalidStatus,
        $"`{text}` is not {expected}{DidYouMean(suggestion)}", Fix(suggestion));

    public Diagnostic TestMissingTime() => Create(DiagnosticCatalog.TestMissingTime,
        "the first event of a test needs a time: write `at 2026-12-01T10:00Z` before it (users and follows without a time apply from the start)");

    public Diagnostic TestTimeGoesBack() => Create(DiagnosticCatalog.TestTimeGoesBack,
        "test statements must be in time order: this time is earlier than the one before it");

    public Diagnostic TestValueMismatch(string message) => Create(DiagnosticCatalog.TestValueMismatch, message);

    public Diagnostic TestMissingField(string eventName, IReadOnlyList<string> fields) => Create(DiagnosticCatalog.TestMissingField,
        fields.Count == 1
            ? $"event `{eventName}` needs the field `{fields[0]}` (it is not optional): add `{fields[0]}: …`"
            : $"event `{eventName}` needs the fields {string.Join(", ", fields.SkipLast(1).Select(f => $"`{f}`"))} and `{fields[^1]}` (they are not optional): add "
              + string.Join(", ", fields.Select(f => $"`{f}: …`")));

    public Diagnostic TestDuplicateProperty(string name) => Create(DiagnosticCatalog.TestDuplicateProperty,
        $"`{name}` is already given in this object: keep one");

    public Diagnostic TestChannelNotUsed(string rule, string channel, IEnumerable<string> used) => Create(DiagnosticCatalog.TestChannelNotUsed,
        $"rule `{rule}` never sends through `{channel}`, so this expectation can never hold: it sends through {string.Join(", ", used)}");

    // ── Channel plugins and their manifests ─────────────────────────────

    public Diagnostic ManifestInvalidJson(string detail) => Create(DiagnosticCatalog.ManifestInvalidJson,
        $"this plugin manifest is not valid JSON: {detail}; fix it (the format is in plugins/README.md)");

    public Diagnostic ManifestMissingKey(string owner, string key, string example) => Create(DiagnosticCatalog.ManifestMissingKey,
        $"{owner} has no `{key}`: add `\"{key}\": {example}`");

    public Diagnostic ManifestInvalidValue(string message) => Create(DiagnosticCatalog.ManifestInvalidValue, message);

    /// <summary><paramref name="plugin"/> is the plugin as a label: "plugin `x`", or "this plugin" when its name is invalid.</summary>
    public Diagnostic ManifestPrimaryField(string channel, string plugin, IReadOnlyList<string> primaries) => Create(DiagnosticCatalog.ManifestPrimaryField,
        primaries.Count == 0
            ? $"channel `{channel}` of {plugin} has no primary field: mark the one a lone string fills (`send {channel} \"text\"`) with `\"primary\": true`"
            : $"channel `{channel}` of {plugin} has several primary fields ({string.Join(", ", primaries)}): mark only one with `\"primary\": true`");

    public Diagnostic ChannelDeclaredTwice(string channel, string first, string firstManifest, string second) => Create(DiagnosticCatalog.ChannelDeclaredTwice,
        $"channel `{channel}` is declared by two plugins, `{first}` ({firstManifest}) and `{second}` (here), so no plugin delivers it: choose one with "
        + $"`--channel-plugin {channel}={first}` (the runtime's setting `PluginHost:Channels:{channel}`), or remove one of the plugins");

    public Diagnostic UnsupportedPluginSdk(string plugin, int sdk, int supported) => Create(DiagnosticCatalog.UnsupportedPluginSdk,
        $"plugin `{plugin}` is built for plugin SDK version {sdk}, but this trig supports version {supported}: "
        + $"use a build of the plugin made against TriggerLang.Plugins.Sdk version {supported}, or a trig that supports version {sdk}");

    public Diagnostic PluginsFolderNotFound(string folder) => Create(DiagnosticCatalog.PluginsFolderNotFound,
        $"the plugins folder `{folder}` does not exist: pass (with --plugins or TRIG_PLUGINS) the folder that holds one sub-folder per plugin");

    public Diagnostic UnknownChannelChoice(string channel, string plugin, IEnumerable<string> declarers) => Create(DiagnosticCatalog.UnknownChannelChoice,
        declarers.Any()
            ? $"the choice {channel}={plugin} names plugin `{plugin}`, which does not declare channel `{channel}`: choose one of {string.Join(", ", declarers)}"
            : $"the choice {channel}={plugin} is about channel `{channel}`, which no plugin declares: remove it or fix the channel's name");

    public Diagnostic DuplicatePluginName(string plugin, string firstManifest) => Create(DiagnosticCatalog.DuplicatePluginName,
        $"a plugin named `{plugin}` is already in {firstManifest}: plugin names are their settings' section names (`Plugins:{plugin}`); rename or remove one");

    public Diagnostic FolderWithoutManifest(string folder) => Create(DiagnosticCatalog.FolderWithoutManifest,
        $"`{folder}` has no trig-plugin.json, so it is not a plugin and is ignored: add its manifest, or move the folder out of the plugins folder");

    // ── Internal ────────────────────────────────────────────────────────

    public Diagnostic InternalError(string what, Exception exception) => Create(DiagnosticCatalog.InternalError,
        $"internal error while {what}: {exception.GetType().Name}: {exception.Message}. This is a bug in trig; please report it with this file");

    // ── Helpers ─────────────────────────────────────────────────────────

    private Diagnostic Create(DiagnosticDescriptor descriptor, string message, CodeFix? fix = null) => new(descriptor, message, location, fix);

    private CodeFix? Fix(string? suggestion) =>
        suggestion is null || location is null ? null : new CodeFix($"Change to '{suggestion}'", location.Value.Span, suggestion);

    private static string DidYouMean(string? suggestion) => suggestion is null ? "" : $"; did you mean `{suggestion}`?";

    /// <summary>The did-you-mean (when there is one) and then what is allowed, as a new sentence: "…; did you mean `x`? Use …".</summary>
    private static string Explain(string? suggestion, string allowed) => SuggestThen(suggestion is null ? null : $"`{suggestion}`", allowed);

    private static string SuggestThen(string? quotedSuggestion, string allowed) =>
        quotedSuggestion is null ? $": {allowed}" : $"; did you mean {quotedSuggestion}? {char.ToUpperInvariant(allowed[0])}{allowed[1..]}";

    private static string ChannelLabel(ChannelDefinition channel) =>
        channel.Plugin is null ? $"channel `{channel.Name}`" : $"channel `{channel.Name}` (plugin `{channel.Plugin}`)";

    private static string RuleLabel(string? name) => name is null ? "this rule" : $"rule `{name}`";

    private static string Describe(Location location) =>
        $"{location.File.Path}({location.Start.Line + 1},{location.Start.Character + 1})";

    private static string DescribeArity(string signature)
    {
        var inside = signature[(signature.IndexOf('(') + 1)..signature.LastIndexOf(')')];
        if (inside.Length == 0)
        {
            return "no arguments";
        }
        var parts = inside.Split(',');
        var required = parts.Count(p => !p.Contains('['));
        return required == parts.Length
            ? $"{required} argument{(required == 1 ? "" : "s")}"
            : $"{required} to {parts.Length} arguments";
    }
}
