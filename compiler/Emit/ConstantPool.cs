using System.Text;

namespace TriggerLang.Compiler.Emit;

/// <summary>Static readonly fields for constant lists, so that evaluating <c>x in ["US", "CA"]</c> allocates nothing.</summary>
internal sealed class ConstantPool
{
    private readonly List<(string Type, string Initializer)> _constants = [];

    /// <summary>Adds a constant and returns the expression that reads it.</summary>
    public string Add(string type, string initializer)
    {
        _constants.Add((type, initializer));
        return GeneratedNames.Constant(_constants.Count - 1);
    }

    public void WriteFields(StringBuilder code)
    {
        for (var i = 0; i < _constants.Count; i++)
        {
            var (type, initializer) = _constants[i];
            code.Append("    private static readonly ").Append(type).Append(' ').Append(GeneratedNames.Constant(i))
                .Append(" = ").Append(initializer).Append(";\n");
        }
    }
}
