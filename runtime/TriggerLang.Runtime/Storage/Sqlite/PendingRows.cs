using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace TriggerLang.Runtime.Storage.Sqlite;

/// <summary>
/// The <c>pending</c> table read at start, a million rows in a few seconds: through SQLite's own statement API, so that
/// each payload is handed over as the bytes SQLite holds (<c>sqlite3_column_blob</c>), with no array per row.
/// <see cref="SqliteDataReader"/> copies a column into a new array (<c>GetFieldValue&lt;byte[]&gt;</c>, 360 MB of
/// garbage per restart) or opens an incremental blob handle per call (<c>GetBytes</c>).
/// </summary>
internal static class PendingRows
{
    private const string Query = "SELECT id, due, rule, recipient, payload FROM pending ORDER BY due, id";

    public static void Read(SqliteConnection connection, Action<StoredPending, ReadOnlySpan<byte>> read)
    {
        var db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, Query, out var statement), db);
        using (statement)
        {
            // One string per rule name, not one per row.
            var rules = new List<(byte[] Utf8, string Name)>();
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var row = new StoredPending(
                    raw.sqlite3_column_int64(statement, 0),
                    SqliteStore.Utc(raw.sqlite3_column_int64(statement, 1)),
                    RuleName(raw.sqlite3_column_blob(statement, 2), rules),
                    Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, 3)));
                read(row, raw.sqlite3_column_blob(statement, 4));
            }
            if (rc != raw.SQLITE_DONE)
            {
                Check(rc, db);
            }
        }
    }

    private static string RuleName(ReadOnlySpan<byte> utf8, List<(byte[] Utf8, string Name)> known)
    {
        foreach (var (bytes, name) in known)
        {
            if (utf8.SequenceEqual(bytes))
            {
                return name;
            }
        }
        var added = Encoding.UTF8.GetString(utf8);
        known.Add((utf8.ToArray(), added));
        return added;
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
