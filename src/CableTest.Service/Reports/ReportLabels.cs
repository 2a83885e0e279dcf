namespace CableTest.Service.Reports;

/// <summary>Bilingual labels (English / 中文) used on test reports; many users are Chinese labs.</summary>
internal static class ReportLabels
{
    public const string Title = "Test report · 试验报告";
    public const string Sample = "Sample · 样品";
    public const string SampleId = "Sample id · 样品编号";
    public const string LimsOrder = "LIMS order · 委托单号";
    public const string ProductSpec = "Product specification · 产品规格";
    public const string Conductor = "Conductor · 导体";
    public const string Cores = "Cores · 芯数";
    public const string Length = "Specimen length · 试样长度";
    public const string Run = "Run · 试验过程";
    public const string Operator = "Operator · 试验人员";
    public const string Started = "Started · 开始时间";
    public const string Completed = "Completed · 结束时间";
    public const string Bench = "Bench · 试验台";
    public const string Overall = "Overall verdict · 总判定";
    public const string OutcomeRule = "Rule · 判定规则";
    public const string Tests = "Tests · 试验项目";
    public const string ConductorResistance = "Conductor DC resistance · 导体直流电阻";
    public const string InsulationResistance = "Insulation resistance · 绝缘电阻";
    public const string VoltageWithstand = "Voltage withstand · 电压试验";
    public const string Standard = "Standard · 标准";
    public const string Method = "Method · 试验方法";
    public const string Clause = "Table / clause · 表/条款";
    public const string DecisionRule = "Decision rule · 判定规则";
    public const string Uncertainty = "Expanded uncertainty U (k) · 扩展不确定度";
    public const string Limit = "Limit · 限值";
    public const string Verdict = "Verdict · 判定";
    public const string Reason = "Reason · 原因";
    public const string Warnings = "Warnings · 注意";
    public const string Instruments = "Instruments · 仪器设备";
    public const string Calibration = "Calibration certificate / due · 校准证书/有效期";
    public const string Evidence = "Evidence · 证据";
    public const string ContentHash = "Content hash (SHA-256) · 内容哈希";
    public const string PreviousHash = "Previous record hash · 前一记录哈希";
    public const string Catalogue = "Standards catalogue version · 标准数据版本";
    public const string Evaluated = "Evaluated · 判定时间";
    public const string Quantity = "Quantity · 量";
    public const string Value = "Value · 数值";
    public const string Signatures = "Signatures · 签字";
    public const string Reinspection = "Re-inspection comparison · 复检比对";
    public const string ComparedWith = "Compared with · 比对对象";
    public const string ComparisonResult = "Result (|En| ≤ 1 consistent) · 比对结论";
    public const string Sampling = "Sampling record (sealed) · 抽样信息";
    public const string SamplingBody = "Sampling body · 抽样单位";
    public const string Sampler = "Sampled by · 抽样人员";
    public const string Manufacturer = "Manufacturer · 生产企业";
    public const string Brand = "Brand · 商标";
    public const string Lot = "Lot / batch · 批号";
    public const string ProductionDate = "Production date · 生产日期";
    public const string SampledWhere = "Sampled at (place) · 抽样地点";
    public const string SampledWhen = "Sampled on · 抽样日期";
    public const string SealNumber = "Seal number · 封样编号";
    public const string RetainedPortion = "Retained portion kept at · 备样存放地点";
}
