namespace CableTest.Domain.Standards;

/// <summary>How the conductor resistance is corrected to 20 degC (part of the method, recorded in the verdict).</summary>
public enum KtMethod
{
    /// <summary>GB/T 3048.4 / IEC 60228 Annex B formula: kt = 1/(1 + alpha20 (t - 20)), alpha20 0.00393 Cu, 0.00403 Al. Wire name "alpha20".</summary>
    Alpha20,

    /// <summary>IEC 60228 Annex B Table B.1: kt = round(250/(230 + t), 3) for both metals. Wire name "iec60228_tableB1".</summary>
    Iec60228TableB1,
}
