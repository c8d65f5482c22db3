namespace TriggerLang.Engine.Decision;

/// <summary>
/// A list whose array and count are fields of its owner: a mutable struct, kept in a field of a class and used in place,
/// never copied. Reading it follows one reference less than a <see cref="List{T}"/>, whose object sits between the owner
/// and the array. A user's lists (<see cref="UserState"/>) are read when the user's objects are seldom in the cache, and
/// each reference followed is another miss: a cap check's share of the samples halved when the sends moved here.
/// </summary>
internal struct InlineList<T>
{
    private T[]? _items;
    private int _count;

    public readonly int Count => _count;

    /// <summary>The items, valid until the list next changes.</summary>
    public readonly Span<T> Items => _items.AsSpan(0, _count);

    /// <summary>Whether the next <see cref="Add"/> has to grow the array.</summary>
    public readonly bool IsFull => _items is { } items && _count == items.Length;

    public void Add(T item)
    {
        if (_items is null)
        {
            _items = new T[4];
        }
        else if (_count == _items.Length)
        {
            Array.Resize(ref _items, 2 * _count);
        }
        _items[_count++] = item;
    }

    /// <summary>
    /// Keeps the first <paramref name="count"/> items. The slots let go are cleared (they may hold references the GC
    /// would otherwise keep alive), and the array goes with the last item.
    /// </summary>
    public void Truncate(int count)
    {
        Items[count..].Clear();
        _count = count;
        if (count == 0)
        {
            _items = null;
        }
    }

    /// <summary>Removes the item at <paramref name="index"/> and closes the gap, keeping the order.</summary>
    public void RemoveAt(int index)
    {
        Items[(index + 1)..].CopyTo(Items[index..]);
        Truncate(_count - 1);
    }
}
