using UcgSim.Core.Parameters;

namespace UcgSim.Core.Scenarios;

/// <summary>How power was taken (brief §3). Armed-group takeovers are UCGs but not coups (report, Box 1).</summary>
public enum UcgType
{
    MilitaryCoup,
    ArmedGroupTakeover,
    /// <summary>A 2010s-style coup against an unpopular or authoritarian ruler ("Recent Trends").</summary>
    DemocraticCoup,
}

/// <summary>What the UN has in the country at the moment of the UCG.</summary>
public enum UnPresence
{
    /// <summary>A regional political office or envoy only (Guinea, Niger, Gabon): no mission events can happen.</summary>
    None,
    SpecialPoliticalMission,
    PeacekeepingOperation,
}

/// <summary>The regional anti-UCG setting (report, Box 4).</summary>
public enum RegionalSetting
{
    /// <summary>No regional organization involved (Afghanistan).</summary>
    None,
    /// <summary>A body with no anti-UCG norm (ASEAN-like; IGAD).</summary>
    NoAntiUcgNorm,
    AfricanUnionOnly,
    /// <summary>The AU plus a regional community with a strong norm (ECOWAS-like).</summary>
    AfricanUnionAndStrongCommunity,
}

public enum PermanentMemberName
{
    UnitedStates,
    UnitedKingdom,
    France,
    Russia,
    China,
}

/// <summary>Tasks a mission's mandate can hold (brief §2, the mission's state).</summary>
[Flags]
public enum MandateTasks
{
    None = 0,
    GoodOffices = 1,
    ElectionSupport = 2,
    RuleOfLaw = 4,
    ProtectionOfCivilians = 8,
    HumanRights = 16,
    AidCoordination = 32,
    StateAuthority = 64,
}

/// <summary>
/// A country's conditions observable at month 0, the moment of the UCG (brief §3). A scenario never holds
/// the known outcome of the case it describes: outcomes come from the global behavioural parameters.
/// </summary>
public sealed record ScenarioConditions
{
    public string Name { get; init; } = "unnamed";
    public string Description { get; init; } = "";

    public UcgType UcgType { get; init; } = UcgType.MilitaryCoup;

    /// <summary>Share of the population supporting the takeover (Mali 2021: 0.79; Sudan 2021: 0.23; report note 15).</summary>
    [AllowedRange(0, 1)] public double PopularSupport { get; init; } = 0.5;

    /// <summary>
    /// How divided society is over the takeover: low where nearly all back or nearly all reject it (Mali 2021:
    /// 4% opposed), high where it splits opinion (Sudan 2021, Afghanistan; report note 15).
    /// </summary>
    [AllowedRange(0, 1)] public double SocietalPolarization { get; init; } = 0.5;

    /// <summary>Successful coups in the country before this one (coup trap, mechanism 4).</summary>
    [AllowedRange(0, 20)] public int EarlierCoups { get; init; } = 1;

    /// <summary>Rivalry between factions of the new authorities: 0 united, 1 two armed rival forces (Burhan vs Hemedti).</summary>
    [AllowedRange(0, 1)] public double FactionRivalry { get; init; } = 0.2;

    /// <summary>Early public signals of willingness to work with the UN (Mali 2020: a communiqué within 24 hours).</summary>
    [AllowedRange(0, 1)] public double OpennessSignal { get; init; } = 0.5;

    /// <summary>Distrust of the UN the new authorities bring with them (Sudan's returning old guard; the Taliban).</summary>
    [AllowedRange(0, 1)] public double HistoricalDistrust { get; init; } = 0.2;

    /// <summary>Declared commitment to a transition timeline at the takeover (0 none announced, 1 a dated handover).</summary>
    [AllowedRange(0, 1)] public double DeclaredTransitionCommitment { get; init; } = 0.4;

    public UnPresence UnPresence { get; init; } = UnPresence.SpecialPoliticalMission;

    /// <summary>Uniformed and civilian personnel (MINUSMA about 15,000).</summary>
    [AllowedRange(0, 30000)] public int MissionPersonnel { get; init; } = 500;

    /// <summary>Months from the UCG until the mandate next comes up for renewal.</summary>
    [AllowedRange(1, 24)] public int MonthsToMandateRenewal { get; init; } = 6;

    public MandateTasks MandateTasks { get; init; } =
        MandateTasks.GoodOffices | MandateTasks.ElectionSupport | MandateTasks.RuleOfLaw | MandateTasks.HumanRights;

    public RegionalSetting RegionalSetting { get; init; } = RegionalSetting.AfricanUnionOnly;

    /// <summary>Security Council polarization at the time: about 0.4 before February 2022, 0.75 after.</summary>
    [AllowedRange(0, 1)] public double CouncilPolarization { get; init; } = 0.6;

    /// <summary>
    /// The month a known outside shock moves Council polarization ("Navigating Geopolitics": February 2022 came 9
    /// months after Mali's 2021 coup, 4 after Sudan's); null for none. A dated fact, observable at month 0.
    /// </summary>
    [AllowedRange(1, 240)] public int? CouncilPolarizationShockMonth { get; init; }

    /// <summary>How much that shock adds to Council polarization.</summary>
    [AllowedRange(-1, 1)] public double CouncilPolarizationShock { get; init; }

    /// <summary>Prior relationship of each permanent member with the country: -1 hostile, +1 close ally.</summary>
    [AllowedRange(-1, 1)] public double UnitedStatesRelationship { get; init; }
    [AllowedRange(-1, 1)] public double UnitedKingdomRelationship { get; init; }
    [AllowedRange(-1, 1)] public double FranceRelationship { get; init; }
    [AllowedRange(-1, 1)] public double RussiaRelationship { get; init; }
    [AllowedRange(-1, 1)] public double ChinaRelationship { get; init; }

    /// <summary>The permanent member holding the pen on the country's file, if any (France on Mali).</summary>
    public PermanentMemberName? Penholder { get; init; }

    /// <summary>Whether a Wagner-type alternative security partner is on offer.</summary>
    public bool AlternativePartnerAvailable { get; init; } = true;

    /// <summary>Aid as a share of the economy, 0 to 1: scales the hardship that aid cuts cause.</summary>
    [AllowedRange(0, 1)] public double AidDependence { get; init; } = 0.4;

    /// <summary>Whether the ousted government's delegation will contest the credentials (Afghanistan, Myanmar).</summary>
    public bool CredentialsContested { get; init; }

    /// <summary>Whether an insurgency or armed opposition is already fighting at onset (the Sahel's jihadist insurgencies).</summary>
    public bool InsurgencyActive { get; init; }

    /// <summary>
    /// How far outside states back rival factions of the authorities with parallel tracks, 0 none to 1 openly
    /// (Sudan: "competing pressures from member states supporting different political factions", Lessons).
    /// </summary>
    [AllowedRange(0, 1)] public double RivalPatrons { get; init; }

    /// <summary>Whether UN sanctions listings already cover the new leaders (the Taliban's 1988 Committee listings).</summary>
    public bool UnSanctionsListings { get; init; }

    public double RelationshipOf(PermanentMemberName member) => member switch
    {
        PermanentMemberName.UnitedStates => UnitedStatesRelationship,
        PermanentMemberName.UnitedKingdom => UnitedKingdomRelationship,
        PermanentMemberName.France => FranceRelationship,
        PermanentMemberName.Russia => RussiaRelationship,
        _ => ChinaRelationship,
    };
}
