using CableTest.Storage.Runs;

namespace CableTest.Storage.Tests.Runs;

public abstract partial class RunStoreBehaviour
{
    [Fact]
    public async Task Approvals_FirstIsKept_SecondReturnsTheFirst_OtherRunsHaveNone()
    {
        var t = Time.GetUtcNow();
        var first = new RunApprovalRecord("run-a", "v-a", new string('a', 64), "Li Wei 李伟", "Dr. Zhang 张工", "eng", "checked against LIMS-7", t);
        var stored = await Store.ApproveRunAsync(first, default);
        Assert.Equal(first, stored);

        var second = first with { ApprovedBy = "someone else", ApprovedAt = t.AddMinutes(5) };
        Assert.Equal(first, await Store.ApproveRunAsync(second, default));
        Assert.Equal(first, await Store.GetRunApprovalAsync("run-a", default));
        Assert.Null(await Store.GetRunApprovalAsync("run-b", default));
    }
}
