using Storyline.Documents;
using Storyline.Extraction.Text;

namespace Storyline.Extraction.Html;

/// <summary>
/// Picks one value per field from the candidates: equal values (after folding) pool their weights, the
/// heaviest pool wins, and its provenance is the most trusted source that stated it.
/// </summary>
internal static class MetadataVote
{
    public static (string Value, Provenance From)? Text(List<Candidate<string>> candidates)
    {
        if (candidates.Count == 0) return null;
        var pools = new Dictionary<string, (double Weight, Candidate<string> Best)>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            var key = TextFolding.Fold(c.Value);
            if (key.Length == 0) continue;
            if (pools.TryGetValue(key, out var pool))
                pools[key] = (pool.Weight + c.Weight, c.Weight > pool.Best.Weight ? c : pool.Best);
            else
                pools[key] = (c.Weight, c);
        }
        if (pools.Count == 0) return null;
        (double Weight, Candidate<string> Best) winner = default;
        bool first = true;
        foreach (var pool in pools.Values)
        {
            if (first || pool.Weight > winner.Weight)
            {
                winner = pool;
                first = false;
            }
        }
        return (winner.Best.Value, winner.Best.From);
    }

    /// <summary>Votes on the calendar day; the time of day comes from the most trusted source for that day that gave one.</summary>
    public static (DateOnly Date, DateTimeOffset? Time, Provenance From)? Date(List<Candidate<DateText.Found>> candidates)
    {
        if (candidates.Count == 0) return null;
        var pools = new Dictionary<DateOnly, double>();
        foreach (var c in candidates)
            pools[c.Value.Date] = pools.GetValueOrDefault(c.Value.Date) + c.Weight;
        DateOnly best = default;
        double bestWeight = double.MinValue;
        foreach (var (date, weight) in pools)
        {
            if (weight > bestWeight || (weight == bestWeight && date < best))
            {
                best = date;
                bestWeight = weight;
            }
        }
        Candidate<DateText.Found>? top = null;
        DateTimeOffset? time = null;
        double timeWeight = double.MinValue;
        foreach (var c in candidates)
        {
            if (c.Value.Date != best) continue;
            if (top is null || c.Weight > top.Value.Weight) top = c;
            if (c.Value.Time is { } t && c.Weight > timeWeight)
            {
                time = t;
                timeWeight = c.Weight;
            }
        }
        return (best, time, top!.Value.From);
    }
}
