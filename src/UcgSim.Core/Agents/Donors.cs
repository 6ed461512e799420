using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Simulation;

namespace UcgSim.Core.Agents;

/// <summary>
/// Traditional bilateral donors, international financial institutions and non-traditional donors
/// (brief §2, mechanism 9). Aid streams are fractions of their pre-UCG level.
/// </summary>
public sealed class Donors
{
    public double DevelopmentAid { get; private set; } = 1;
    public double BudgetSupport { get; private set; } = 1;
    public double HumanitarianAid { get; private set; } = 1;
    public double NonTraditionalAid { get; private set; }

    /// <summary>Aid moved into the mission's political work (UNITAMS had more money than it needed).</summary>
    public double MissionPoliticalFunding { get; private set; }

    /// <summary>
    /// Net aid as a share of the pre-UCG total, non-traditional offsets included; set once a month by
    /// <see cref="Respond"/> because several agents read it.
    /// </summary>
    public double NetAid { get; private set; } = 1;

    /// <summary>Share of pre-UCG traditional aid (development and budget support) no longer given.</summary>
    public double TraditionalAidLost { get; private set; }

    /// <summary>The three streams' shares of pre-UCG aid, normalized so that any positive weights make a whole.</summary>
    private static (double Development, double Budget, double Humanitarian) Weights(BehaviouralParameters p)
    {
        double total = p.DevelopmentAidShare + p.BudgetSupportShare + p.HumanitarianAidShare;
        return (p.DevelopmentAidShare / total, p.BudgetSupportShare / total, p.HumanitarianAidShare / total);
    }

    /// <summary>
    /// The month's response. Once civilian rule is back, donors resume as if maintaining aid and no coup label
    /// binds them; an election won by the junta's leader does not lift a legal suspension.
    /// </summary>
    public void Respond(CountryAfterUcg c)
    {
        bool junta = c.Authorities.InPower;
        MoveAidStreams(c.Parameters, junta ? c.Variant.DonorResponse : DonorResponse.Maintain, junta && c.Council.LabelledCoup,
            junta && c.Authorities.HasAlternativePartner, c.Authorities.Alignment, c.Mission.Coherence);
    }

    /// <summary>Moves each aid stream toward the level the donor response, labelling and alignment call for.</summary>
    private void MoveAidStreams(BehaviouralParameters p, DonorResponse response, bool labelledCoup,
        bool alternativePartner, double alignment, double unCoherence)
    {
        double developmentKept = response switch
        {
            DonorResponse.FullCut => p.FullCutDevelopmentKept,
            DonorResponse.SuspendBudgetSupportAndRedirect => p.SuspensionDevelopmentKept,
            _ => p.MaintainedAidKept,
        };
        // The legal requirement binds whatever the policy (report note 3); the alignment cut is France's in Mali.
        if (labelledCoup) developmentKept -= p.LegalSuspensionShare;
        if (alternativePartner) developmentKept -= p.AlignmentAidCut;
        developmentKept = Math.Max(0, developmentKept);
        double budgetKept = response == DonorResponse.Maintain ? p.MaintainedAidKept : 0;

        DevelopmentAid += p.AidAdjustmentRate * (developmentKept - DevelopmentAid);
        BudgetSupport += p.AidAdjustmentRate * (budgetKept - BudgetSupport);

        var (development, budget, humanitarian) = Weights(p);
        double cut = development * (1 - DevelopmentAid) + budget * (1 - BudgetSupport);
        TraditionalAidLost = cut / (development + budget);
        // Redirection needs a coherent UN channel to land in: divided approaches waste part of it (mechanism 15).
        double redirected = response == DonorResponse.SuspendBudgetSupportAndRedirect ? p.RedirectShare * cut * unCoherence : 0;
        HumanitarianAid = 1 + redirected / 2 / humanitarian;
        MissionPoliticalFunding = redirected / 2;
        NonTraditionalAid = p.NonTraditionalOffset * alignment * cut;
        NetAid = development * DevelopmentAid + budget * BudgetSupport + humanitarian * HumanitarianAid + NonTraditionalAid;
    }
}
