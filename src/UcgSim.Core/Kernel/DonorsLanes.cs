using System.Runtime.Intrinsics;
using UcgSim.Core.Agents;
using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using static UcgSim.Core.Kernel.Lanes;

namespace UcgSim.Core.Kernel;

/// <summary><see cref="Donors"/> for four replicates.</summary>
internal sealed class DonorsLanes
{
    private readonly double _development;
    private readonly double _budget;
    private readonly double _humanitarian;

    public Vector256<double> DevelopmentAid;
    public Vector256<double> BudgetSupport;
    public Vector256<double> HumanitarianAid;
    public Vector256<double> MissionPoliticalFunding;
    public Vector256<double> NetAid;
    public Vector256<double> TraditionalAidLost;

    /// <summary>The streams' weights, normalized as <see cref="Donors"/>.Weights does.</summary>
    public DonorsLanes(BehaviouralParameters p)
    {
        double total = p.DevelopmentAidShare + p.BudgetSupportShare + p.HumanitarianAidShare;
        (_development, _budget, _humanitarian) = (p.DevelopmentAidShare / total, p.BudgetSupportShare / total, p.HumanitarianAidShare / total);
    }

    /// <summary>The <see cref="Donors"/> initial state: every stream at its pre-UCG level.</summary>
    public void Start()
    {
        DevelopmentAid = BudgetSupport = HumanitarianAid = NetAid = Of(1.0);
        MissionPoliticalFunding = TraditionalAidLost = False;
    }

    /// <summary><see cref="Donors.Respond"/>: under elected civilians donors act as if maintaining aid, with no coup label.</summary>
    public void Respond(CountryLanes c)
    {
        var p = c.Parameters;
        var junta = c.Authorities.InPower;
        var response = c.Variant.DonorResponse;
        var labelledCoup = junta & c.Council.LabelledCoup;
        var alternativePartner = junta & c.Authorities.HasAlternativePartner;

        double kept = response switch
        {
            DonorResponse.FullCut => p.FullCutDevelopmentKept,
            DonorResponse.SuspendBudgetSupportAndRedirect => p.SuspensionDevelopmentKept,
            _ => p.MaintainedAidKept,
        };
        var developmentKept = Select(junta, kept, p.MaintainedAidKept);
        developmentKept = Select(labelledCoup, developmentKept - Of(p.LegalSuspensionShare), developmentKept);
        developmentKept = Select(alternativePartner, developmentKept - Of(p.AlignmentAidCut), developmentKept);
        developmentKept = Max(0, developmentKept);
        var budgetKept = Select(junta, response == DonorResponse.Maintain ? p.MaintainedAidKept : 0, p.MaintainedAidKept);

        DevelopmentAid += p.AidAdjustmentRate * (developmentKept - DevelopmentAid);
        BudgetSupport += p.AidAdjustmentRate * (budgetKept - BudgetSupport);

        var cut = _development * (Of(1) - DevelopmentAid) + _budget * (Of(1) - BudgetSupport);
        TraditionalAidLost = cut / (_development + _budget);
        var redirected = response == DonorResponse.SuspendBudgetSupportAndRedirect
            ? Select(junta, p.RedirectShare * cut * c.Mission.Coherence, 0)
            : False;
        HumanitarianAid = Of(1) + redirected * 0.5 / _humanitarian;
        MissionPoliticalFunding = redirected * 0.5;
        var nonTraditionalAid = p.NonTraditionalOffset * c.Authorities.Alignment * cut;
        NetAid = _development * DevelopmentAid + _budget * BudgetSupport + _humanitarian * HumanitarianAid + nonTraditionalAid;
    }
}
