using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Binding;

/// <summary>
/// The result type of each built-in function. An absent argument gives an
/// absent result (§11), so results are optional when an argument is, except
/// for <c>exists</c> and <c>coalesce</c>, which exist to handle absence.
/// </summary>
internal static class FunctionTyping
{
    /// <summary>The result type, or null with the index and expected description of the first bad argument.</summary>
    public static TrigType? ResultType(FunctionSymbol function, TrigType[] args, out (int Index, string Expected) mismatch)
    {
        mismatch = default;
        var anyOptional = args.Any(a => a.IsOptional);
        TrigType Result(TrigType type) => anyOptional ? type.AsOptional() : type;

        switch (function.Name)
        {
            case "lower" or "upper":
                if (args[0].Kind != TypeKind.String)
                {
                    mismatch = (0, "a string");
                    return null;
                }
                return Result(TrigType.String);
            case "len":
                if (args[0].Kind is not (TypeKind.String or TypeKind.List))
                {
                    mismatch = (0, "a string or a list");
                    return null;
                }
                return Result(TrigType.Int);
            case "contains":
                if (args[0].Kind == TypeKind.String)
                {
                    if (!TypeRules.IsStringLike(args[1]))
                    {
                        mismatch = (1, "a string");
                        return null;
                    }
                    return Result(TrigType.Bool);
                }
                if (args[0].Kind == TypeKind.List)
                {
                    if (args[1].Kind == TypeKind.List || !TypeRules.AreEquatable(args[0].Element!, args[1]))
                    {
                        mismatch = (1, ExpressionBinder.Describe(args[0].Element!));
                        return null;
                    }
                    return Result(TrigType.Bool);
                }
                mismatch = (0, "a string or a list");
                return null;
            case "starts_with" or "ends_with":
                for (var i = 0; i < 2; i++)
                {
                    if (args[i].Kind != TypeKind.String)
                    {
                        mismatch = (i, "a string");
                        return null;
                    }
                }
                return Result(TrigType.Bool);
            case "abs":
                if (!args[0].IsNumeric && args[0].Kind != TypeKind.Duration)
                {
                    mismatch = (0, "a number");
                    return null;
                }
                return Result(args[0].AsRequired());
            case "round":
                if (!args[0].IsNumeric)
                {
                    mismatch = (0, "a number");
                    return null;
                }
                if (args.Length > 1 && args[1].Kind != TypeKind.Int)
                {
                    mismatch = (1, "an int (the number of decimal places)");
                    return null;
                }
                return Result(args[0].AsRequired());
            case "min" or "max":
                if (args[0].IsNumeric && args[1].IsNumeric)
                {
                    return Result(new TrigType(TypeRules.PromoteNumeric(args[0], args[1])));
                }
                if (args[0].Kind is TypeKind.Timestamp or TypeKind.Duration && args[1].Kind == args[0].Kind)
                {
                    return Result(args[0].AsRequired());
                }
                mismatch = args[0].IsNumeric ? (1, "a number like the first")
                    : args[0].Kind is TypeKind.Timestamp or TypeKind.Duration ? (1, $"a {args[0].AsRequired()} like the first")
                    : (0, "a number, timestamp or duration");
                return null;
            case "coalesce":
                if (TypeRules.Unify(args[0], args[1]) is not { } unified)
                {
                    mismatch = (1, args[0].IsNumeric ? "a number like the first" : $"{ExpressionBinder.Describe(args[0].AsRequired())} like the first");
                    return null;
                }
                return args[1].IsOptional ? unified.AsOptional() : unified.AsRequired();
            case "exists":
                return TrigType.Bool;
            case "days_since":
                if (args[0].Kind != TypeKind.Timestamp)
                {
                    mismatch = (0, "a timestamp");
                    return null;
                }
                return Result(TrigType.Int);
            case "followers":
                if (args[0].Kind != TypeKind.User)
                {
                    mismatch = (0, "a user field (such as actor: user)");
                    return null;
                }
                return TrigType.ListOf(TrigType.User);
            default:
                throw new InvalidOperationException($"function {function.Name} has no typing rule");
        }
    }
}
