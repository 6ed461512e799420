using UcgSim.Core.Parameters;

namespace UcgSim.Core.Policy;

public enum MissionPosture { Principled, Pragmatic }
public enum EngagementLevel { National, Local }
public enum RegionalLinking { LinkedToRegionalBody, IndependentFallback }
public enum HumanRightsReporting { PublicReporting, QuietTraining }
/// <summary>What the mission does with tasks the UCG made irrelevant (brief §2: freeze, shift or continue).</summary>
public enum MandateTaskHandling
{
    ContinueAll,
    FreezeIrrelevant,
    /// <summary>Freeze them and move their staff to good offices (UNITAMS moved its election team to the resistance committees).</summary>
    ShiftToGoodOffices,
}
public enum SanctionsLevel { None, Targeted, Harsh }
public enum SanctionsTrigger { AtOnset, AtMonth, WhenTimelineSlips }
public enum SanctionsLifting { Never, OnTransitionAgreement }
public enum CouncilResponse { PromptUpdate, RolloverThenUpdate, Unchanged }
public enum DonorResponse { FullCut, SuspendBudgetSupportAndRedirect, Maintain }
public enum P5TargetedSanctions { FollowLabelling, Impose, Withhold }
public enum CredentialsRecognition { AsScenarioExpects, Recognize, Withhold }
/// <summary>
/// Whether the Secretariat uses the mission's own exit option ('Does Engaging Risk Legitimizing?'): in every case
/// of the report mission leaders chose to stay and engage, so the default is never.
/// </summary>
public enum MissionExitOption { Never, ThreatenWhenTransgressed }

/// <summary>
/// A named set of lever settings: the choices of the international actors a researcher compares
/// (brief §5). Any lever a variant file leaves out keeps the default below.
/// </summary>
public sealed record PolicyVariant
{
    public string Name { get; init; } = "baseline";
    public string Description { get; init; } = "";

    public MissionPosture MissionPosture { get; init; } = MissionPosture.Principled;
    public EngagementLevel EngagementLevel { get; init; } = EngagementLevel.National;

    /// <summary>Month of the strategic assessment, or null for none (Sudan: none; Mali: 18; Afghanistan: about 24).</summary>
    [AllowedRange(0, 240)] public int? StrategicAssessmentMonth { get; init; }

    public RegionalLinking RegionalLinking { get; init; } = RegionalLinking.LinkedToRegionalBody;
    public bool OneUnIntegration { get; init; }
    public HumanRightsReporting HumanRightsReporting { get; init; } = HumanRightsReporting.PublicReporting;
    public MandateTaskHandling MandateTaskHandling { get; init; } = MandateTaskHandling.ContinueAll;

    public bool RegionalSuspension { get; init; } = true;
    public SanctionsLevel RegionalSanctions { get; init; } = SanctionsLevel.Targeted;
    public SanctionsTrigger SanctionsTrigger { get; init; } = SanctionsTrigger.WhenTimelineSlips;

    /// <summary>The month sanctions come when <see cref="SanctionsTrigger"/> is AtMonth (ECOWAS on Mali: 7).</summary>
    [AllowedRange(1, 240)] public int SanctionsMonth { get; init; } = 7;

    public SanctionsLifting SanctionsLifting { get; init; } = SanctionsLifting.OnTransitionAgreement;

    /// <summary>Whether targeted sanctions that bring no agreement are escalated to harsh ones.</summary>
    public bool SanctionsEscalation { get; init; }
    public bool InterventionThreat { get; init; }
    public bool RegionalDialogue { get; init; }

    public CouncilResponse CouncilResponse { get; init; } = CouncilResponse.PromptUpdate;
    public DonorResponse DonorResponse { get; init; } = DonorResponse.SuspendBudgetSupportAndRedirect;
    public P5TargetedSanctions P5TargetedSanctions { get; init; } = P5TargetedSanctions.FollowLabelling;
    public CredentialsRecognition Credentials { get; init; } = CredentialsRecognition.AsScenarioExpects;
    public MissionExitOption ExitOption { get; init; } = MissionExitOption.Never;
}
