namespace CableTest.Service.Reports;

/// <summary>The HTML report's style sheet: screen and print (A4, "page X of Y" in the page margin, SIMULATED across every page).</summary>
internal static class ReportCss
{
    public const string Text = """
        body{font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;max-width:60rem;margin:1.5rem auto;color:#111}
        h1{font-size:1.4rem;border-bottom:2px solid #14324a}h2{font-size:1.1rem;margin-top:1.4rem}h3{font-size:1rem}
        table{border-collapse:collapse;width:100%;margin:.4rem 0}th,td{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;font-size:.85rem}
        th{width:16rem;background:#f3f5f7}.outcome{padding:.05rem .4rem;border-radius:4px}
        .OUTCOME_PASS{background:#d7f0dd}.OUTCOME_FAIL,.OUTCOME_CONDITIONAL_FAIL{background:#f8d7d5}
        .OUTCOME_CONDITIONAL_PASS{background:#eef6d5}.OUTCOME_INVALID,.OUTCOME_INCONCLUSIVE,.OUTCOME_ERROR,.OUTCOME_RETEST,.OUTCOME_INCOMPLETE{background:#fde9c8}
        .bad{color:#b3261e}.test{page-break-inside:avoid}.plot{width:100%;max-width:40rem}code{font-size:.8rem}
        .lab{display:flex;gap:1rem;align-items:center;border-bottom:1px solid #ccc;padding-bottom:.4rem}.logo{max-height:3.5rem;max-width:10rem}
        .findings li{margin:.2rem 0}.signatures td.sign{width:12rem}.signatures td{height:2rem}
        .simulated{background:#fde9c8;border:1px solid #b26a00;padding:.3rem .6rem;font-weight:bold}
        .watermark{position:fixed;top:40%;left:0;right:0;text-align:center;font-size:7rem;font-weight:bold;color:rgba(178,106,0,.12);transform:rotate(-30deg);pointer-events:none;z-index:-1}
        .foot{margin-top:2rem;font-size:.75rem;color:#666}
        @page{size:A4;margin:15mm;@bottom-right{content:"page " counter(page) " of " counter(pages);font-size:9pt}}
        @media print{body{margin:0;max-width:none}a{color:inherit}}
        """;
}
