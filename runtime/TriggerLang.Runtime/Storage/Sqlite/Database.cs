using Dapper;
using Microsoft.Data.Sqlite;

namespace TriggerLang.Runtime.Storage.Sqlite;

/// <summary>
/// The runtime's SQLite file. Every connection uses write-ahead logging (readers never wait for the writer) and
/// <c>synchronous=FULL</c>: a commit is on disk when it returns, which is what "durable before the reply" needs.
/// Writers wait for each other up to <see cref="BusyTimeout"/>.
/// </summary>
public sealed class Database(string path)
{
    private const int BusyTimeout = 10_000;

    // SQLite's page cache per connection (the default is 2 MB): with less, the decision loop's commits read the
    // same index pages back from the OS again and again (pread was a tenth of its time). Pages are allocated as used.
    private const int CacheKiB = 64 * 1024;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>
    /// Held by the runtime's two writers (the inbox and the decision loop) around each write transaction. SQLite lets
    /// one writer in at a time anyway; without this, the one that finds the file locked sleeps in SQLite's busy
    /// handler (1, 2, 5 … 100 ms steps) instead of starting as soon as the other commits: single-event POSTs waited
    /// hundreds of milliseconds behind the loop's commits.
    /// </summary>
    public Lock WriteLock { get; } = new();

    public string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Pooling = true,
        DefaultTimeout = BusyTimeout / 1000,
    }.ToString();

    /// <summary>Creates the file when missing and brings its schema up to date.</summary>
    public void Migrate()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var connection = Open();
        connection.Execute("PRAGMA journal_mode = WAL");
        Migrations.Apply(connection);
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        connection.Execute($"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {BusyTimeout}; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -{CacheKiB}");
        return connection;
    }
}
