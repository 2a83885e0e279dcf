using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CableTest.Service.Grpc;

/// <summary>
/// Tells a run-store outage (database down, unreachable, locked, out of connections, its file
/// unreadable) from a bug: an outage is worth a retry and answers UNAVAILABLE / HTTP 503.
/// </summary>
internal static class StoreOutage
{
    // SQLite primary result codes that mean "the database cannot be used right now".
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteReadOnly = 8, SqliteIoError = 10, SqliteFull = 13, SqliteCantOpen = 14;

    public static bool Is(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException s when s.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteReadOnly or SqliteIoError or SqliteFull or SqliteCantOpen:
                    return true;
                case PostgresException p:
                    // Class 08 connection exception, 53 insufficient resources, 57P01-57P05 operator intervention (shutdown, cannot connect now).
                    return p.IsTransient || p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || p.SqlState.StartsWith("57P", StringComparison.Ordinal);
                case NpgsqlException n:
                    // Not a server error: the connection could not be opened or broke (socket, timeout, pool exhausted).
                    return true;
                case DbException { IsTransient: true }:
                case SocketException:
                    return true;
            }
        }

        return false;
    }
}
