using CableTest.Storage.Runs;

namespace CableTest.Storage.Tests.Runs;

public abstract partial class RunStoreBehaviour
{
    [Fact]
    public async Task ExternalInspections_RecordedWithTheSample_ListedOldestFirstPerSample()
    {
        var t = Time.GetUtcNow();
        var zj = new ExternalInspectionRecord("x1", "S1", "Zhejiang Cable QC Centre · ZJ-2026-1187", "{\"lab\":\"Zhejiang Cable QC Centre\"}", "lims-main", t.AddMinutes(5));
        var js = new ExternalInspectionRecord("x2", "S1", "Jiangsu QC · JS-77", "{\"lab\":\"Jiangsu QC\"}", "eng", t);
        var other = new ExternalInspectionRecord("x3", "S2", "Zhejiang Cable QC Centre · ZJ-2026-1187", "{}", "lims-main", t);
        Assert.True(await Store.TryAddExternalInspectionAsync(zj, default));
        Assert.True(await Store.TryAddExternalInspectionAsync(js, default));
        Assert.True(await Store.TryAddExternalInspectionAsync(other, default)); // the same report label, another sample

        Assert.Equal([js, zj], await Store.ListExternalInspectionsAsync("S1", default));
        Assert.Equal([other], await Store.ListExternalInspectionsAsync("S2", default));
        Assert.Empty(await Store.ListExternalInspectionsAsync("S3", default));
    }

    [Fact]
    public async Task ExternalInspections_SameLabReportTwice_RefusedAndTheFirstKept()
    {
        var t = Time.GetUtcNow();
        Assert.True(await Store.TryAddExternalInspectionAsync(new ExternalInspectionRecord("x1", "S1", "Lab · R-1", "{\"v\":1}", "lims-main", t), default));
        Assert.False(await Store.TryAddExternalInspectionAsync(new ExternalInspectionRecord("x2", "S1", "Lab · R-1", "{\"v\":2}", "eng", t.AddMinutes(1)), default));

        var kept = Assert.Single(await Store.ListExternalInspectionsAsync("S1", default));
        Assert.Equal(("x1", "{\"v\":1}", "lims-main"), (kept.InspectionId, kept.Json, kept.RecordedBy));
    }

    [Fact]
    public async Task ExternalInspections_StoreOfSchema5_MigratedToTheTable()
    {
        // As a store of schema 5 was: no external_inspections table, migration 6 not applied.
        await ExecuteSqlAsync("DROP TABLE external_inspections");
        await ExecuteSqlAsync("DELETE FROM schema_migrations WHERE version = 6");
        await Store.MigrateAsync(default);

        Assert.True(await Store.TryAddExternalInspectionAsync(new ExternalInspectionRecord("x1", "S1", "Lab · R-1", "{}", "lims-main", Time.GetUtcNow()), default));
        Assert.Single(await Store.ListExternalInspectionsAsync("S1", default));
    }
}
