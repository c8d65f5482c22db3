using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace TriggerLang.Compiler.Emit;

/// <summary>
/// The always-on audit of an emitted rule pack, read from its metadata (not
/// from the source): every assembly it references is in
/// <see cref="RulePackCompiler.AllowedAssemblies"/>, every type it references
/// is one that generated code (or the C# compiler for it) uses, every
/// framework member it references is one of a short list, and it has no
/// native imports. It reads a few hundred table rows, so it costs about a
/// millisecond and runs on every build; the tests' semantic-model audit
/// (<c>GeneratedCodeAllowListTests</c>), which binds every expression of the
/// source, is far too slow for that. Metadata is where a mistake in the
/// emitter would show whatever source shape caused it.
/// </summary>
internal static class PackAudit
{
    private const string Evaluation = "TriggerLang.Evaluation.";

    /// <summary>
    /// Framework types generated code names or the C# compiler references for it, with the members that may be
    /// referenced (null: any member, for plain value types whose members are arithmetic, comparisons and conversions).
    /// </summary>
    private static readonly Dictionary<string, string[]?> FrameworkTypes = new(StringComparer.Ordinal)
    {
        ["System.Object"] = [".ctor"],
        ["System.ValueType"] = [],
        ["System.Enum"] = [],
        ["System.Attribute"] = [".ctor"],
        ["System.String"] = ["op_Equality", "get_Length", "get_Chars"],
        ["System.Boolean"] = null,
        ["System.Int32"] = null,
        ["System.Int64"] = null,
        ["System.Byte"] = null,
        ["System.Decimal"] = null,
        ["System.Nullable`1"] = null,
        ["System.TimeSpan"] = null,
        ["System.DateTimeOffset"] = null,
        ["System.Func`2"] = [".ctor"],
        ["System.Func`3"] = [".ctor"],
        ["System.ArgumentOutOfRangeException"] = [".ctor"],
        ["System.Text.Json.JsonElement"] = ["TryGetProperty"],
        ["System.Text.Json.Utf8JsonReader"] = [], // only passed on to the evaluation API (TryReadProperties)
        ["System.AttributeUsageAttribute"] = [".ctor", "set_AllowMultiple", "set_Inherited"],
        ["System.AttributeTargets"] = [],
        ["System.Diagnostics.DebuggableAttribute"] = [".ctor"],
        ["System.Diagnostics.DebuggableAttribute/DebuggingModes"] = [],
        ["System.Runtime.CompilerServices.CompilationRelaxationsAttribute"] = [".ctor"],
        ["System.Runtime.CompilerServices.RuntimeCompatibilityAttribute"] = [".ctor", "set_WrapNonExceptionThrows"],
        ["System.Runtime.CompilerServices.RefSafetyRulesAttribute"] = [".ctor"],
        ["System.Runtime.CompilerServices.CompilerGeneratedAttribute"] = [".ctor"],
        ["System.Runtime.CompilerServices.NullableAttribute"] = [".ctor"],
        ["System.Runtime.CompilerServices.NullableContextAttribute"] = [".ctor"],
        ["System.Runtime.CompilerServices.RuntimeHelpers"] = ["InitializeArray"],
        ["System.RuntimeFieldHandle"] = [],
        ["System.Array"] = [],
    };

    /// <summary>What is wrong with the assembly, one line per finding; empty when it passes.</summary>
    public static IReadOnlyList<string> Violations(byte[] assembly)
    {
        using var pe = new PEReader(ImmutableArray.Create(assembly));
        var metadata = pe.GetMetadataReader();
        var violations = new List<string>();
        foreach (var handle in metadata.AssemblyReferences)
        {
            var name = metadata.GetString(metadata.GetAssemblyReference(handle).Name);
            if (!RulePackCompiler.AllowedAssemblies.Contains(name))
            {
                violations.Add($"references assembly {name}");
            }
        }
        if (metadata.GetTableRowCount(TableIndex.ModuleRef) > 0 || metadata.GetTableRowCount(TableIndex.ImplMap) > 0)
        {
            violations.Add("imports native code");
        }
        foreach (var handle in metadata.TypeReferences)
        {
            var type = TypeName(metadata, handle);
            if (!type.StartsWith(Evaluation, StringComparison.Ordinal) && !FrameworkTypes.ContainsKey(type))
            {
                violations.Add($"references type {type}");
            }
        }
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (Parent(metadata, member.Parent) is not { } type)
            {
                continue; // a member of a generated type: checked as the code that defines it
            }
            var name = metadata.GetString(member.Name);
            if (!type.StartsWith(Evaluation, StringComparison.Ordinal) && !(FrameworkTypes.GetValueOrDefault(type) is not { } members || members.Contains(name)))
            {
                violations.Add($"references member {type}::{name}");
            }
        }
        return violations;
    }

    /// <summary>The referenced type that declares a member, by its generic definition's name; null when the pack defines it.</summary>
    private static string? Parent(MetadataReader metadata, EntityHandle parent)
    {
        switch (parent.Kind)
        {
            case HandleKind.TypeReference:
                return TypeName(metadata, (TypeReferenceHandle)parent);
            case HandleKind.TypeSpecification:
                // A generic instance (Nullable<decimal>, Func<…>): GENERICINST, CLASS or VALUETYPE, then the definition.
                var blob = metadata.GetBlobReader(metadata.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
                if (blob.ReadSignatureTypeCode() == SignatureTypeCode.GenericTypeInstance)
                {
                    blob.ReadSignatureTypeCode();
                    var definition = blob.ReadTypeHandle();
                    return definition.Kind == HandleKind.TypeReference ? TypeName(metadata, (TypeReferenceHandle)definition) : null;
                }
                return "(type specification)"; // arrays' Get/Set/Address: not in the list, so reported
            default:
                return null;
        }
    }

    private static string TypeName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        var name = metadata.GetString(type.Name);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? $"{TypeName(metadata, (TypeReferenceHandle)type.ResolutionScope)}/{name}"
            : type.Namespace.IsNil ? name : $"{metadata.GetString(type.Namespace)}.{name}";
    }
}
