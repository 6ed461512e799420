using MathNet.Numerics.Distributions;
using UcgSim.Exploration.Uncertainties;

namespace UcgSim.Exploration.Calibration;

/// <summary>The density of a prior at a value, which ABC-SMC's importance weights need beside the quantile function a design uses.</summary>
public static class PriorDensity
{
    /// <summary>Whether ABC-SMC can calibrate an input with this prior: it perturbs values continuously, so not a list of values.</summary>
    public static bool IsContinuous(Uncertainty prior) => prior is not DiscreteUncertainty;

    public static double At(Uncertainty prior, double value)
    {
        var (lower, upper) = prior.Support;
        if (value < lower || value > upper) return 0;
        return prior switch
        {
            UniformUncertainty => 1 / (upper - lower),
            TriangularUncertainty t => Triangular.PDF(t.Lower, t.Upper, t.Mode, value),
            TruncatedNormalUncertainty n => StandardNormal.Density((value - n.Mean) / n.StandardDeviation) / n.StandardDeviation
                                            / (StandardNormal.Cdf((upper - n.Mean) / n.StandardDeviation)
                                               - StandardNormal.Cdf((lower - n.Mean) / n.StandardDeviation)),
            _ => throw new ArgumentException($"ABC-SMC perturbs values continuously and cannot calibrate a {prior.GetType().Name}.", nameof(prior)),
        };
    }
}
