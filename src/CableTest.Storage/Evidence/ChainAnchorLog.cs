using System.Text;

namespace CableTest.Storage.Evidence;

/// <summary>
/// The bench's signed chain anchors, one JSON line each, appended and flushed to disk as the chain check advances
/// (DataDirectory/verdict-anchors.jsonl). Only appended to; a line that does not parse is reported by its number.
/// </summary>
public static class ChainAnchorLog
{
    /// <summary>The file's name in the data directory.</summary>
    public const string FileName = "verdict-anchors.jsonl";

    public static void Append(string path, ChainAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        file.Write(Encoding.UTF8.GetBytes(anchor.ToLine() + "\n"));
        file.Flush(flushToDisk: true);
    }

    /// <summary>Every anchor in the file, in order, and the numbers (from 1) of lines that are not anchors; none when there is no file.</summary>
    public static (IReadOnlyList<ChainAnchor> Anchors, IReadOnlyList<int> UnreadableLines) Read(string path)
    {
        if (!File.Exists(path))
        {
            return ([], []);
        }

        var anchors = new List<ChainAnchor>();
        var unreadable = new List<int>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            if (ChainAnchor.FromLine(line) is { } anchor)
            {
                anchors.Add(anchor);
            }
            else
            {
                unreadable.Add(number);
            }
        }

        return (anchors, unreadable);
    }
}
