namespace TriggerLang.Evaluation;

/// <summary>
/// A recipient profile. The built-in attributes are members here; each
/// project's generated subclass adds its declared attributes as typed members.
/// </summary>
public abstract class UserRecord
{
    public string Id { get; set; } = "";

    public string? Timezone { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? PushToken { get; set; }

    /// <summary>
    /// Sets one attribute from JSON (a JSON null removes it, §8). Attributes the
    /// schema does not declare are ignored; a value of the wrong type throws
    /// <see cref="TrigDataException"/> naming the attribute.
    /// </summary>
    public void SetAttribute(string name, System.Text.Json.JsonElement value)
    {
        switch (name)
        {
            case "id":
                break;
            case "timezone":
                Timezone = TrigJson.String(value, name);
                break;
            case "email":
                Email = TrigJson.String(value, name);
                break;
            case "phone":
                Phone = TrigJson.String(value, name);
                break;
            case "push_token":
                PushToken = TrigJson.String(value, name);
                break;
            default:
                SetDeclaredAttribute(name, value);
                break;
        }
    }

    /// <summary>Sets a declared attribute (generated per project).</summary>
    protected abstract void SetDeclaredAttribute(string name, System.Text.Json.JsonElement value);

    /// <summary>A copy: the engine keeps the profile as it was at a given time.</summary>
    public UserRecord Clone() => (UserRecord)MemberwiseClone();

    /// <summary>
    /// An attribute by its index in the schema (built-ins first: id, timezone,
    /// email, phone, push_token), boxed (absent is null): for the interpreter and templates.
    /// </summary>
    public abstract object? GetAttribute(int index);

    protected object? GetBuiltIn(int index) => index switch
    {
        0 => Id,
        1 => Timezone,
        2 => Email,
        3 => Phone,
        4 => PushToken,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public const int BuiltInCount = 5;
}
