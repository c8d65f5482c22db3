using Microsoft.Data.Sqlite;

namespace TriggerLang.Runtime.Storage.Sqlite;

/// <summary>
/// One SQL statement run for many rows in a transaction: the command and its parameters are made once and only the
/// values change per row (SQLite keeps the statement prepared). Dapper's multi-row <c>Execute</c> builds the
/// parameters again for every row, which cost more than the SQL itself in the decision loop's commits. Values bind
/// by their type, as Dapper bound them: strings as text, integers and booleans as integers, null as NULL.
/// </summary>
internal sealed class PreparedRows : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    /// <param name="names">The statement's parameters (<c>@Name</c>), in the order <see cref="Run"/> takes their values.</param>
    public PreparedRows(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _parameters = new SqliteParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            _parameters[i] = _command.Parameters.Add(new SqliteParameter { ParameterName = names[i] });
        }
    }

    /// <summary>Runs the statement with these values; the number of rows it changed.</summary>
    public int Run(params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }
        return _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
