using System.Reflection;
using static TriggerLang.Compiler.Diagnostics.DiagnosticSeverity;

namespace TriggerLang.Compiler.Diagnostics;

/// <summary>
/// Every diagnostic the compiler can report, with its stable code. Codes are
/// never reused or renumbered: tools and users filter on them. Ranges:
/// TRG00xx syntax, TRG01xx project and files, TRG02xx declarations,
/// TRG03xx rules and clauses, TRG04xx expressions and types, TRG05xx
/// templates, TRG06xx tests, TRG07xx channel plugins and their manifests, TRG09xx internal errors.
/// The messages themselves are built in <see cref="DiagnosticBuilder"/>.
/// </summary>
public static class DiagnosticCatalog
{
    // Syntax
    public static readonly DiagnosticDescriptor UnexpectedToken = new("TRG0001", Error, "Syntax error");
    public static readonly DiagnosticDescriptor MissingSend = new("TRG0002", Error, "Rule without a send clause");
    public static readonly DiagnosticDescriptor UnterminatedString = new("TRG0003", Error, "Unterminated string");
    public static readonly DiagnosticDescriptor InvalidEscape = new("TRG0004", Error, "Invalid escape sequence");
    public static readonly DiagnosticDescriptor UnterminatedComment = new("TRG0005", Error, "Unterminated block comment");
    public static readonly DiagnosticDescriptor InvalidCharacter = new("TRG0006", Error, "Invalid character");
    public static readonly DiagnosticDescriptor InvalidDuration = new("TRG0007", Error, "Invalid duration");
    public static readonly DiagnosticDescriptor InvalidTime = new("TRG0008", Error, "Invalid time of day");
    public static readonly DiagnosticDescriptor InvalidDateTime = new("TRG0009", Error, "Invalid date or date-time");
    public static readonly DiagnosticDescriptor NumberOutOfRange = new("TRG0010", Error, "Number out of range");
    public static readonly DiagnosticDescriptor NestingTooDeep = new("TRG0011", Error, "Expression nested too deeply");
    public static readonly DiagnosticDescriptor UnknownClause = new("TRG0012", Error, "Unknown rule clause");
    public static readonly DiagnosticDescriptor UnclosedBlock = new("TRG0013", Error, "Missing closing brace or bracket");

    // Project and files
    public static readonly DiagnosticDescriptor NoSourceFiles = new("TRG0101", Error, "No .trig files");
    public static readonly DiagnosticDescriptor UnreadableFile = new("TRG0102", Error, "File cannot be read");
    public static readonly DiagnosticDescriptor InvalidEncoding = new("TRG0103", Error, "File is not UTF-8");
    public static readonly DiagnosticDescriptor UnusableFolder = new("TRG0104", Error, "Project folder cannot be used");

    // Declarations
    public static readonly DiagnosticDescriptor DuplicateEvent = new("TRG0201", Error, "Event declared twice");
    public static readonly DiagnosticDescriptor DuplicateField = new("TRG0202", Error, "Field declared twice");
    public static readonly DiagnosticDescriptor UnknownType = new("TRG0203", Error, "Unknown type");
    public static readonly DiagnosticDescriptor BuiltInAttributeRedeclared = new("TRG0204", Error, "Built-in user attribute redeclared");
    public static readonly DiagnosticDescriptor BuiltInEventRedeclared = new("TRG0205", Error, "Built-in event redeclared");
    public static readonly DiagnosticDescriptor DuplicateRule = new("TRG0206", Error, "Rule name used twice");
    public static readonly DiagnosticDescriptor AnonymousRuleNeedsName = new("TRG0207", Warning, "Anonymous rule should be named");
    public static readonly DiagnosticDescriptor DuplicateSetting = new("TRG0208", Error, "Setting given twice");
    public static readonly DiagnosticDescriptor UnknownSetting = new("TRG0209", Error, "Unknown setting");
    public static readonly DiagnosticDescriptor InvalidSettingValue = new("TRG0210", Error, "Invalid setting value");
    public static readonly DiagnosticDescriptor InvalidTypeArgument = new("TRG0211", Error, "Invalid type argument");
    public static readonly DiagnosticDescriptor DuplicateTest = new("TRG0212", Error, "Test name used twice");
    public static readonly DiagnosticDescriptor DuplicateLimit = new("TRG0213", Error, "Global cap given twice");

    // Rules and clauses
    public static readonly DiagnosticDescriptor UnknownEvent = new("TRG0301", Error, "Unknown event");
    public static readonly DiagnosticDescriptor DuplicateClause = new("TRG0302", Error, "Clause given twice");
    public static readonly DiagnosticDescriptor DigestConflict = new("TRG0303", Error, "Digest combined with delay or unless");
    public static readonly DiagnosticDescriptor WhereAfterUnless = new("TRG0304", Error, "Rule condition after an unless clause");
    public static readonly DiagnosticDescriptor UnknownChannel = new("TRG0305", Error, "Unknown channel");
    public static readonly DiagnosticDescriptor UnknownChannelField = new("TRG0306", Error, "Unknown channel field");
    public static readonly DiagnosticDescriptor MissingChannelField = new("TRG0307", Error, "Required channel field missing");
    public static readonly DiagnosticDescriptor DuplicateSendField = new("TRG0308", Error, "Send field given twice");
    public static readonly DiagnosticDescriptor InvalidPeriod = new("TRG0309", Error, "Invalid cap period");
    public static readonly DiagnosticDescriptor InvalidCount = new("TRG0310", Error, "Invalid count");
    public static readonly DiagnosticDescriptor UnknownTimeZone = new("TRG0311", Error, "Unknown time zone");
    public static readonly DiagnosticDescriptor InvalidWeekday = new("TRG0312", Error, "Invalid weekday");
    public static readonly DiagnosticDescriptor InvalidDigestFrequency = new("TRG0313", Error, "Invalid digest frequency");
    public static readonly DiagnosticDescriptor DigestDayNotWeekly = new("TRG0314", Error, "Digest day on a daily digest");
    public static readonly DiagnosticDescriptor InvalidPriority = new("TRG0315", Error, "Invalid priority");
    public static readonly DiagnosticDescriptor EmptyActiveRange = new("TRG0316", Error, "Empty active range");
    public static readonly DiagnosticDescriptor MissingWithin = new("TRG0317", Error, "Goal without within");
    public static readonly DiagnosticDescriptor OnceWithReeligible = new("TRG0318", Error, "once combined with reeligible");
    public static readonly DiagnosticDescriptor InvalidAlias = new("TRG0319", Error, "Invalid alias");
    public static readonly DiagnosticDescriptor AudienceNotUser = new("TRG0320", Error, "Audience is not a user");
    public static readonly DiagnosticDescriptor TemplateFileNotFound = new("TRG0321", Error, "Template file not found");
    public static readonly DiagnosticDescriptor RepeatedFallbackChannel = new("TRG0322", Warning, "Fallback to the same channel");
    public static readonly DiagnosticDescriptor NonPositiveDuration = new("TRG0323", Error, "Duration must be positive");
    public static readonly DiagnosticDescriptor ZeroLengthWindow = new("TRG0324", Warning, "Window open all day");
    public static readonly DiagnosticDescriptor SelfTriggeringRule = new("TRG0325", Warning, "Rule cannot trigger on its own messages");
    public static readonly DiagnosticDescriptor TemplateOutsideProject = new("TRG0326", Error, "Template file outside the project");

    // Expressions and types
    public static readonly DiagnosticDescriptor UnknownField = new("TRG0401", Error, "Unknown field");
    public static readonly DiagnosticDescriptor UnknownName = new("TRG0402", Error, "Unknown name");
    public static readonly DiagnosticDescriptor UnknownFunction = new("TRG0403", Error, "Unknown function");
    public static readonly DiagnosticDescriptor WrongArgumentCount = new("TRG0404", Error, "Wrong number of arguments");
    public static readonly DiagnosticDescriptor ArgumentTypeMismatch = new("TRG0405", Error, "Argument of the wrong type");
    public static readonly DiagnosticDescriptor OperatorTypeMismatch = new("TRG0406", Error, "Operator applied to the wrong types");
    public static readonly DiagnosticDescriptor ConditionNotBoolean = new("TRG0407", Error, "Condition is not boolean");
    public static readonly DiagnosticDescriptor NoMembers = new("TRG0408", Error, "Value has no fields");
    public static readonly DiagnosticDescriptor ListElementMismatch = new("TRG0409", Error, "List elements of different types");
    public static readonly DiagnosticDescriptor FollowersOutsideTo = new("TRG0410", Error, "followers() outside a to clause");
    public static readonly DiagnosticDescriptor NullComparison = new("TRG0411", Error, "Invalid use of null");
    public static readonly DiagnosticDescriptor RecordAsValue = new("TRG0412", Error, "Record used as a value");

    // Templates
    public static readonly DiagnosticDescriptor TemplateSyntaxError = new("TRG0501", Error, "Template syntax error");
    public static readonly DiagnosticDescriptor UnknownTemplateVariable = new("TRG0502", Error, "Unknown template variable");
    public static readonly DiagnosticDescriptor UnknownTemplateField = new("TRG0503", Error, "Unknown field in template");
    public static readonly DiagnosticDescriptor DigestVariableOutsideDigest = new("TRG0504", Error, "Digest variable outside a digest");

    // Tests
    public static readonly DiagnosticDescriptor TestUnknownRule = new("TRG0601", Error, "Test expects an unknown rule");
    public static readonly DiagnosticDescriptor TestInvalidStatus = new("TRG0602", Error, "Invalid expected status or reason");
    public static readonly DiagnosticDescriptor TestMissingTime = new("TRG0603", Error, "Test statement without a time");
    public static readonly DiagnosticDescriptor TestTimeGoesBack = new("TRG0604", Error, "Test time goes backwards");
    public static readonly DiagnosticDescriptor TestValueMismatch = new("TRG0605", Error, "Test value does not match the schema");
    public static readonly DiagnosticDescriptor TestMissingField = new("TRG0606", Error, "Test event misses a required field");
    public static readonly DiagnosticDescriptor TestDuplicateProperty = new("TRG0607", Error, "Test property given twice");
    public static readonly DiagnosticDescriptor TestChannelNotUsed = new("TRG0608", Error, "Expected channel not used by the rule");

    // Channel plugins and their manifests
    public static readonly DiagnosticDescriptor ManifestInvalidJson = new("TRG0701", Error, "Plugin manifest is not valid JSON");
    public static readonly DiagnosticDescriptor ManifestMissingKey = new("TRG0702", Error, "Plugin manifest misses a key");
    public static readonly DiagnosticDescriptor ManifestInvalidValue = new("TRG0703", Error, "Invalid value in a plugin manifest");
    public static readonly DiagnosticDescriptor ManifestPrimaryField = new("TRG0704", Error, "Channel without exactly one primary field");
    public static readonly DiagnosticDescriptor ChannelDeclaredTwice = new("TRG0705", Error, "Channel declared by two plugins");
    public static readonly DiagnosticDescriptor UnsupportedPluginSdk = new("TRG0706", Error, "Plugin built for another SDK version");
    public static readonly DiagnosticDescriptor PluginsFolderNotFound = new("TRG0707", Error, "Plugins folder not found");
    public static readonly DiagnosticDescriptor UnknownChannelChoice = new("TRG0708", Error, "Channel choice names no declaring plugin");
    public static readonly DiagnosticDescriptor DuplicatePluginName = new("TRG0709", Error, "Plugin name used twice");
    public static readonly DiagnosticDescriptor FolderWithoutManifest = new("TRG0710", Warning, "Plugin folder without a manifest");

    // Internal
    public static readonly DiagnosticDescriptor InternalError = new("TRG0901", Error, "Internal compiler error");

    /// <summary>All descriptors, in code order (for SARIF rule tables and the uniqueness test).</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Code, StringComparer.Ordinal)
        .ToArray();
}
