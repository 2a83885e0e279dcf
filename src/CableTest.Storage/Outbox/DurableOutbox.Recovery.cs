using System.Globalization;
using Microsoft.Extensions.Logging;

namespace CableTest.Storage.Outbox;

public sealed partial class DurableOutbox
{
    private void Recover(IEnumerable<string> consumerNames)
    {
        Directory.CreateDirectory(directory);
        var files = Directory.GetFiles(directory, "*.seg").Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < files.Count; i++)
        {
            var name = Path.GetFileNameWithoutExtension(files[i]);
            if (!long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var first) || first < 1)
            {
                throw new InvalidDataException($"{files[i]}: unexpected file in the outbox directory (segment names are their first sequence)");
            }

            if (segments.Count > 0 && first != segments[^1].LastSequence + 1)
            {
                LogGap(logger, files[i], segments[^1].LastSequence, first);
            }

            var segment = JournalSegment.Open(files[i], first, isLast: i == files.Count - 1, out var torn, out var corruption, options.DirectWrites);
            if (torn > 0)
            {
                tornBytes += torn;
                LogTornTail(logger, files[i], torn);
            }

            if (corruption is not null)
            {
                LogCorruption(logger, corruption);
            }

            segments.Add(segment);
        }

        var cursors = LoadCursors();
        if (segments.Count == 0)
        {
            var start = cursors.Count == 0 ? 1 : cursors.Values.Max() + 1;
            segments.Add(JournalSegment.Create(directory, start, options.DirectWrites));
        }

        lastSequence = segments[^1].LastSequence;
        var firstAvailable = segments[0].FirstSequence;
        foreach (var name in consumerNames.Distinct(StringComparer.Ordinal))
        {
            ValidateConsumerName(name);
            // A new consumer delivers everything still journalled; a cursor is never ahead of the journal.
            var cursor = cursors.TryGetValue(name, out var c) ? Math.Min(c, lastSequence) : firstAvailable - 1;
            consumers[name] = new Consumer(name) { Cursor = cursor, DurableCursor = cursor, NextToRead = cursor + 1 };
        }

        quarantined = CountQuarantined();
        LogOpened(logger, directory, lastSequence, lastSequence - (consumers.Count == 0 ? lastSequence : consumers.Values.Min(x => x.Cursor)));
        DeleteDeliveredSegments();
    }

    private Dictionary<string, long> LoadCursors()
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory, "*.cursor"))
        {
            var text = File.ReadAllText(file).Trim();
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new InvalidDataException($"{file}: damaged consumer cursor '{text}'");
            }

            result[Path.GetFileNameWithoutExtension(file)] = value;
        }

        return result;
    }

    private static void ValidateConsumerName(string name)
    {
        if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"outbox consumer name '{name}' must be 1-64 letters, digits, '-' or '_'");
        }
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Outbox opened at {Directory}: last sequence {Last}, {Depth} readings awaiting delivery")]
    private static partial void LogOpened(ILogger logger, string directory, long last, long depth);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Outbox segment {File}: discarded a torn tail of {Bytes} bytes left by a crash mid-append (those appends never returned, so no reading was lost)")]
    private static partial void LogTornTail(ILogger logger, string file, int bytes);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Error, Message = "Outbox corruption: {Detail}")]
    private static partial void LogCorruption(ILogger logger, string detail);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Error, Message = "Outbox segment {File}: sequence gap after {Previous}, segment starts at {First}")]
    private static partial void LogGap(ILogger logger, string file, long previous, long first);
}
