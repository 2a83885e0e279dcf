using System.Text.Json;

namespace CableTest.Instruments.Profiles;

/// <summary>The "source" part of a profile: the manual, the tag and the evidence behind it.</summary>
public sealed partial class ProfileCatalogue
{
    private static ProfileSource ParseSource(Reader reader, JsonElement element)
    {
        var tag = reader.String(element, "tag", "source.");
        if (tag is not ("V2" or "V1" or "D" or "M" or "sim"))
        {
            throw new ProfileLoadException(reader.File, "source.tag", $"must be V2, V1, D, M or sim, was \"{tag}\"");
        }

        var sources = new List<ProfileReference>();
        if (element.TryGetProperty("sources", out var sourcesElement))
        {
            if (sourcesElement.ValueKind != JsonValueKind.Array)
            {
                throw new ProfileLoadException(reader.File, "source.sources", "must be an array of {\"ref\", \"covers\"}");
            }

            var i = 0;
            foreach (var entry in sourcesElement.EnumerateArray())
            {
                var key = $"source.sources[{i++}].";
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    throw new ProfileLoadException(reader.File, key.TrimEnd('.'), "must be an object with \"ref\" and \"covers\"");
                }

                sources.Add(new ProfileReference(reader.String(entry, "ref", key), reader.String(entry, "covers", key)));
            }
        }

        var unconfirmed = new List<string>();
        if (element.TryGetProperty("unconfirmed", out var unconfirmedElement))
        {
            if (unconfirmedElement.ValueKind != JsonValueKind.Array || unconfirmedElement.EnumerateArray().Any(u => u.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(u.GetString())))
            {
                throw new ProfileLoadException(reader.File, "source.unconfirmed", "must be an array of non-empty strings");
            }

            unconfirmed.AddRange(unconfirmedElement.EnumerateArray().Select(u => u.GetString()!));
        }

        var problem = (tag, sources.Count, unconfirmed.Count) switch
        {
            ("V2", < 2, _) => "tag V2 needs at least two entries in source.sources (two independent public sources)",
            ("V1" or "D", 0, _) => $"tag {tag} needs at least one entry in source.sources",
            ("V1" or "V2", _, > 0) => $"tag {tag} cannot have source.unconfirmed entries: what is unconfirmed makes the profile M",
            _ => null,
        };
        if (problem is not null)
        {
            throw new ProfileLoadException(reader.File, "source.tag", problem);
        }

        return new ProfileSource(
            reader.String(element, "manufacturer", "source."),
            reader.String(element, "model", "source."),
            reader.String(element, "manual", "source."),
            tag,
            element.TryGetProperty("notes", out var notes) ? notes.GetString() : null,
            sources,
            unconfirmed);
    }
}
