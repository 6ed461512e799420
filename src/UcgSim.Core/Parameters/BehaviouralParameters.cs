namespace UcgSim.Core.Parameters;

/// <summary>
/// The global behavioural parameters: one calibrated set shared by every case (brief §1). A scenario never
/// changes these; it only sets month-0 conditions. Each default cites the passage of the IPI report
/// ("UN Peace Operations and Unconstitutional Changes of Government", March 2025) or the dataset behind it.
/// Monthly quantities are per month; hazards are monthly probabilities before multipliers.
/// </summary>
public sealed record BehaviouralParameters
{
    // ---- Mechanism 1: who the authorities are matters more than how they came -------------------------

    [AllowedRange(0, 1), Evidence("Section 'How Open Are the New Authorities...': openness at onset varies from case to case; spread of the month-0 draw around the scenario's signal")]
    public double OpennessUncertainty { get; init; } = 0.15;

    [AllowedRange(0, 1), Evidence("Box 1 and 'Does Engaging Risk Legitimizing?': an armed-group takeover carries the heaviest stigma in relations at first")]
    public double ArmedTakeoverStigma { get; init; } = 0.25;

    [AllowedRange(0, 1), Evidence("As above, for a military coup against an elected government")]
    public double MilitaryCoupStigma { get; init; } = 0.12;

    [AllowedRange(0.1, 60), Evidence("'Responding to Contentious Actions': after the initial months the UCG fades into the background; e-folding time of the manner-of-takeover effect, months")]
    public double TakeoverSalienceMonths { get; init; } = 4;

    [AllowedRange(0, 2), Evidence("'Responding to Contentious Actions': relations are shaped by what the authorities do; weight of accumulated hostility in the mission's relationship")]
    public double HostilityRelationshipWeight { get; init; } = 0.8;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: monthly speed at which openness moves toward what engagement and punishment make of it (mechanism 1: after the first months, actions drive relations)")]
    public double OpennessDrift { get; init; } = 0.05;

    [AllowedRange(0, 1), Evidence("Lessons ('a pragmatic approach'): engagement builds working relations; openness gained at full engagement relative to half")]
    public double EngagementOpenness { get; init; } = 0.15;

    [AllowedRange(0, 1), Evidence("'Coordinating with Regional Organizations': sanctions hardened the Malian authorities; openness lost under full regional and US punishment")]
    public double PunishmentOpenness { get; init; } = 0.2;

    // ---- Mechanism 2: early openness -------------------------------------------------------------------

    [AllowedRange(0, 24), Evidence("'The Immediate Aftermath': authorities avoided major transgressions at first; staff back within about a month (Afghanistan). Time constant of the restraint on contentious actions, months")]
    public double EarlyRestraintMonths { get; init; } = 4;

    // ---- Mechanism 3: entrenchment since 2020 ------------------------------------------------------------

    [AllowedRange(0, 1), Evidence("'Recent Trends': 2010s coups led to a civilian-led administration within 16 months; monthly hazard of a transition agreement at neutral commitment and pressure")]
    public double TransitionAgreementBase { get; init; } = 0.05;

    [AllowedRange(0, 20), Evidence("'Recent Trends': under one month in Burkina Faso 2014 when the new leaders committed; log-slope of the agreement hazard in declared commitment")]
    public double CommitmentSlope { get; init; } = 5.5;

    [AllowedRange(0, 10), Evidence("'Recent Trends': alternative partners let post-2020 leaders entrench; divisor added to the agreement hazard by an alternative security partner")]
    public double AlternativePartnerEntrenchment { get; init; } = 2.0;

    [AllowedRange(0, 10), Evidence("'Reassessing the Approach': the Malian colonels dug in on high popular support; divisor per unit of support above one half")]
    public double SupportEntrenchment { get; init; } = 2.0;

    [AllowedRange(0, 10), Evidence("'Responding to Contentious Actions' (Sudan: intra-military rivalry overshadowed dialogue with civilians): divisor per unit of factional rivalry")]
    public double RivalryObstruction { get; init; } = 1.5;

    [AllowedRange(0, 1), Evidence("'Reassessing the Approach': commitments to short transitions eroded (Sudan within a couple of months); monthly erosion of commitment while entrenchment pressures act")]
    public double CommitmentErosion { get; init; } = 0.02;


    [AllowedRange(0, 1), Evidence("'Reassessing the Approach': agreed timelines slip; monthly chance an agreed transition stalls at full entrenchment pressure")]
    public double TransitionStallBase { get; init; } = 0.35;

    [AllowedRange(0, 1), Evidence("'International and Regional Responses' (Mali 2021: the colonels did not meet the agreed timeline); monthly hazard the authorities abandon an agreed transition, per unit of entrenchment and of lacking commitment")]
    public double TransitionAbandonBase { get; init; } = 0.02;

    [AllowedRange(0, 1), Evidence("'Coordinating with Regional Organizations': it became clear the Malian leaders would not meet the timeline; monthly hazard a slipping timeline becomes evident, scaled by lack of commitment")]
    public double TimelineSlipBase { get; init; } = 0.12;

    [AllowedRange(0, 10), Evidence("'Reassessing the Approach' (missions assumed short transitions the authorities did not intend): chance a declared commitment is sincere is the declared level to this power")]
    public double CommitmentSincerityExponent { get; init; } = 0.7;

    [AllowedRange(0, 1), Evidence("As above: the commitment insincere authorities act on, as a share of what they declare")]
    public double InsincereCommitmentShare { get; init; } = 0.3;

    [AllowedRange(1, 60), Evidence("'Recent Trends' (2010s coups: a civilian-led administration within 16 months): months to elections under the shortest timeline agreed")]
    public double TimelineShortestMonths { get; init; } = 6;

    [AllowedRange(0, 240), Evidence("Box 3 and 'Coordinating with Regional Organizations' (Mali 2020: 18 months agreed; the 2021 junta proposed five years): months added to the timeline at zero declared commitment and no pressure, times a uniform draw")]
    public double TimelineSpanMonths { get; init; } = 42;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report (the report calls post-2020 authorities entrenching, 'Recent Trends'): chance an uncommitted junta's leader runs in the election that closes the transition")]
    public double CandidacyBase { get; init; } = 0.8;

    [AllowedRange(0, 5), Evidence("As above: added chance of running per unit of entrenchment above one")]
    public double CandidacyEntrenchment { get; init; } = 0.3;

    [AllowedRange(0, 1), Evidence("The African Charter on Democracy, Elections and Governance (2007), whose UCG definition Box 1 quotes, bars perpetrators of a UCG from the elections that restore order in its art. 25(4); share of candidacies deterred at full norm strength while a member")]
    public double CandidacyNormDeterrence { get; init; } = 0.3;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: chance a running junta leader wins at zero popular support (rising to one at full support)")]
    public double LeaderWinBase { get; init; } = 0.6;

    [AllowedRange(0, 1), Evidence("'Legal and Political Guidance' and 'Does Engaging Risk Legitimizing?': civil-society trust lost when the UN welcomes an agreement civil society rejects, at full engagement")]
    public double HollowAgreementTrustCost { get; init; } = 0.15;

    [AllowedRange(0, 1), Evidence("As above: polarization added to society by a hollow agreement")]
    public double HollowAgreementPolarization { get; init; } = 0.1;

    // ---- Mechanism 4: coup trap ------------------------------------------------------------------------

    [AllowedRange(0, 1), Evidence("Powell & Thyne (2011) v2022.11: the coup-attempt base rates after successful coups in African states since 1990 that `ucgsim validate` computes from shared/data; monthly base hazard of an attempt")]
    public double CoupAttemptBase { get; init; } = 0.006;

    [AllowedRange(0, 1), Evidence("As above: attempts after a successful coup fail two to three times as often as they succeed; chance an attempt succeeds at zero rivalry")]
    public double CoupSuccessBase { get; init; } = 0.3;

    [AllowedRange(0, 1), Evidence("Box 3 (Russia's direct security assistance to the Sahel juntas): share of a coup's chance of success removed by an alternative partner's regime protection")]
    public double PartnerCoupProtection { get; init; } = 0.4;

    [AllowedRange(0, 1), Evidence("Modelling assumption from the coup-proofing literature (Powell 2012): share of factional rivalry removed by the purge after a failed attempt")]
    public double PurgeRivalryCut { get; init; } = 0.5;

    [AllowedRange(0, 1), Evidence("As above: commitment to the transition lost as the leaders tighten their grip after a failed attempt")]
    public double FailedCoupCommitmentLoss { get; init; } = 0.1;

    [AllowedRange(0, 1), Evidence("'Responding to Contentious Actions' (foreign hands blamed): hostility toward the mission added by a failed attempt")]
    public double FailedCoupHostility { get; init; } = 0.05;

    [AllowedRange(0, 5), Evidence("Box 6 and 'Lessons' (Mali 2020 -> 2021, Sudan 2019 -> 2021, Burkina Faso twice in 2022): a coup history raises the risk; added per earlier coup (capped at five)")]
    public double CoupHistoryFactor { get; init; } = 0.25;

    [AllowedRange(0, 10), Evidence("'Responding to Contentious Actions': rivalry inside the junta; multiplier per unit of factional rivalry")]
    public double RivalryCoupFactor { get; init; } = 1.5;

    [AllowedRange(0, 10), Evidence("Report note 15 (support for coups); unpopular authorities are more exposed; multiplier per unit of support shortfall below one half")]
    public double UnpopularityCoupFactor { get; init; } = 1.0;

    [AllowedRange(0, 5), Evidence("Mali 2020: a civilian-led transitional government was overthrown after nine months; hazard multiplier once a transition is agreed")]
    public double TransitionPeriodCoupFactor { get; init; } = 2.5;

    [AllowedRange(0, 5), Evidence("'Recent Trends': elected civilian governments after 2010s coups mostly held; hazard multiplier once civilian rule is restored")]
    public double CivilianRuleCoupFactor { get; init; } = 0.4;

    // ---- Mechanism 5: rally effect of harsh regional sanctions ------------------------------------------

    [AllowedRange(0, 1), Evidence("'Coordinating with Regional Organizations': ECOWAS sanctions on Mali strengthened support for the junta; monthly pull of support toward one while harsh sanctions last")]
    public double HarshSanctionsRally { get; init; } = 0.04;

    [AllowedRange(0.1, 60), Evidence("'Coordinating with Regional Organizations' (sanctions lifted within 1.5 months in 2020 brought no rally; those imposed in 2022 and kept did): months of harsh sanctions before their rally reaches full strength")]
    public double RallyBuildMonths { get; init; } = 6;

    [AllowedRange(0, 1), Evidence("Box 4: ECOWAS's threat of intervention in Niger backfired; extra monthly rally while an intervention is threatened")]
    public double InterventionThreatRally { get; init; } = 0.015;

    [AllowedRange(0, 1), Evidence("Box 4: harsh sanctions drove Mali, Burkina Faso and Niger out of ECOWAS (Mali ~32 months after its 2021 coup); monthly base hazard of withdrawal under sanctions")]
    public double RegionalWithdrawalBase { get; init; } = 0.006;

    [AllowedRange(0, 20), Evidence("Box 4, as above: multiplier added by harsh rather than targeted sanctions")]
    public double HarshSanctionsWithdrawalFactor { get; init; } = 2.0;

    [AllowedRange(0, 20), Evidence("Box 4, as above: multiplier added by a threat of military intervention")]
    public double InterventionThreatWithdrawalFactor { get; init; } = 2.0;

    [AllowedRange(0, 1), Evidence("'Coordinating with Regional Organizations': ECOWAS readmitted Mali and lifted sanctions within 1.5 months of the 2020 transition agreement; monthly recovery of regional relations once sanctions are lifted")]
    public double SanctionsLiftingRecovery { get; init; } = 0.15;

    [AllowedRange(0, 1), Evidence("Box 4: ECOWAS suspended every member after a coup since 2020; chance a harsh regime is adopted when triggered, relative to norm strength")]
    public double HarshSanctionsAdoption { get; init; } = 0.75;

    [AllowedRange(0, 1), Evidence("Box 4 (AU and ECOWAS practice): chance targeted sanctions are adopted when triggered, relative to norm strength")]
    public double TargetedSanctionsAdoption { get; init; } = 0.6;

    [AllowedRange(0, 1), Evidence("Box 4: the AU has suspended all but one state since 2020 (Chad); norm strength of the AU alone")]
    public double AfricanUnionNormStrength { get; init; } = 0.85;

    [AllowedRange(0, 1), Evidence("Box 4: ECOWAS's 2001 protocol is the strongest regional norm")]
    public double StrongCommunityNormStrength { get; init; } = 0.97;

    [AllowedRange(0, 1), Evidence("Box 4 and note 54: IGAD and ASEAN have no anti-UCG norm")]
    public double NoNormBodyStrength { get; init; } = 0.1;

    [AllowedRange(0, 1), Evidence("Box 4 (the AU suspends at once after a UCG): regional relations lost at suspension")]
    public double SuspensionRelationshipCost { get; init; } = 0.2;

    [AllowedRange(0, 1), Evidence("'Coordinating with Regional Organizations' (relations between the Malian authorities and ECOWAS worsened under sanctions): monthly loss of regional relations per unit of hardness while sanctions last")]
    public double SanctionsRelationshipErosion { get; init; } = 0.02;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: economic bite of targeted sanctions relative to harsh ones")]
    public double TargetedSanctionsBite { get; init; } = 0.33;

    [AllowedRange(0, 1), Evidence("Box 4 (China and Russia blocked endorsement of ECOWAS sanctions): bite of sanctions the Council did not endorse, relative to endorsed ones")]
    public double UnendorsedSanctionsBite { get; init; } = 0.6;

    [AllowedRange(0, 20), Evidence("Box 4 (Mali, Burkina Faso and Niger left ECOWAS after taking Russian partners): withdrawal multiplier added by an alternative partnership")]
    public double AlternativePartnerWithdrawalFactor { get; init; } = 1.0;

    [AllowedRange(1, 240), Evidence("'Coordinating with Regional Organizations' (ECOWAS moved from suspension to sanctions as Mali's timeline slipped): months of targeted sanctions without an agreement before a body that escalates moves to harsh ones")]
    public int SanctionsEscalationMonths { get; init; } = 6;

    [AllowedRange(0, 1), Evidence("'Responding to Contentious Actions' (Sudan: the head of mission declared persona non grata): leverage kept once the head of mission is persona non grata")]
    public double PersonaNonGrataLeverage { get; init; } = 0.6;

    [AllowedRange(0, 10), Evidence("'Coordinating with Regional Organizations' (Mali 2020: sanctions, a mediated agreement, and lifting within 1.5 months): contribution of harsh regional sanctions to the push for an agreement")]
    public double HarshSanctionsPressure { get; init; } = 0.8;

    [AllowedRange(0, 10), Evidence("Box 4 (the AU suspends and readmits on a return to constitutional order): contribution of a suspension to the push for an agreement")]
    public double SuspensionPressure { get; init; } = 0.2;

    [AllowedRange(0, 1), Evidence("As above: sanctions coerce through the promise of lifting; share of their pressure kept when they are not lifted on an agreement")]
    public double UnconditionalSanctionsCoercion { get; init; } = 0.3;

    [AllowedRange(0, 10), Evidence("Box 3: the US protocol of targeted sanctions on the coup's leaders; contribution to the push for an agreement")]
    public double UsSanctionsPressure { get; init; } = 0.2;

    [AllowedRange(0, 1), Evidence("'Coordinating with Regional Organizations' (the first ECOWAS representative declared persona non grata): monthly chance at full regional hardness and hostility one half")]
    public double EnvoyExpulsionBase { get; init; } = 0.03;

    [AllowedRange(0, 1), Evidence("As above (his replacement was much more cautious): share of regional mediation kept after the envoy is expelled")]
    public double ExpelledEnvoyMediation { get; init; } = 0.5;

    [AllowedRange(0, 1), Evidence("Box 4: the AU's 2023 dialogues with suspended states; monthly improvement of regional relations under dialogue")]
    public double RegionalDialogueRecovery { get; init; } = 0.03;

    // ---- Mechanism 6: regional linking is double-edged -------------------------------------------------

    [AllowedRange(0, 1), Evidence("'Coordinating with Regional Organizations': partnering with the AU/IGAD made it harder to paint the process as Western-driven; civil-society trust gained by linking")]
    public double LinkingTrustGain { get; init; } = 0.1;

    [AllowedRange(0, 1), Evidence("As above: tied to a harder-line body the mission found little political upside; relationship cost per unit of regional hardness")]
    public double LinkingRelationshipCost { get; init; } = 0.15;

    [AllowedRange(0, 1), Evidence("As above (MINUSMA tied to ECOWAS as relations with the authorities worsened): monthly hostility toward the mission per unit of regional hardness while it is linked")]
    public double LinkingHostility { get; init; } = 0.01;

    [AllowedRange(0, 1), Evidence("As above: acting alone left the AU feeling sidelined; share of regional mediation lost when the mission acts as independent fallback")]
    public double FallbackSidelining { get; init; } = 0.5;

    [AllowedRange(0, 10), Evidence("'Coordinating with Regional Organizations' (triumvirate in Mali, Trilateral Mechanism in Sudan): regional mediation's contribution to the agreement hazard")]
    public double RegionalMediationEffect { get; init; } = 0.8;

    // ---- Mechanism 7: Security Council polarization and mandate fit ---------------------------------------

    [AllowedRange(0, 2), Evidence("'Navigating Geopolitics': MINUSMA (2021) and UNAMA were updated, UNITAMS was not; intercept of the update chance at zero polarization (above 1: certain below some polarization)")]
    public double MandateUpdateBase { get; init; } = 1.15;

    [AllowedRange(0, 3), Evidence("As above: agreement fell as polarization deepened after February 2022; fall in update chance per unit of polarization")]
    public double MandateUpdatePolarizationSlope { get; init; } = 1.3;

    [AllowedRange(0, 1), Evidence("'Navigating Geopolitics' (UNAMA: rolled over six months with a report requested, then overhauled); gain in update chance after a rollover with a report")]
    public double RolloverReportBonus { get; init; } = 0.3;

    [AllowedRange(1, 24), Evidence("As above: length of a technical rollover, months")]
    public int RolloverMonths { get; init; } = 6;

    [AllowedRange(1, 36), Evidence("Modelling assumption, no figure in the report: months between mandate renewals (most are annual)")]
    public int MandateRenewalMonths { get; init; } = 12;

    [AllowedRange(0, 1), Evidence("'Navigating Geopolitics': UNITAMS kept a mandate that no longer matched the context; monthly loss of credibility per unit of mandate misfit")]
    public double MisfitCredibilityErosion { get; init; } = 0.04;

    [AllowedRange(0, 1), Evidence("As above: the military and Russia faulted the mission for not delivering it; hostility added per month per unit of misfit")]
    public double MisfitHostility { get; init; } = 0.012;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: monthly recovery of credibility toward full when the mandate fits")]
    public double CredibilityRecovery { get; init; } = 0.03;

    [AllowedRange(0, 1), Evidence("'Reprioritizing Mission Mandates': freezing irrelevant tasks helps, but the mandate still names them; share of their misfit removed by freezing")]
    public double FreezeRelief { get; init; } = 0.6;

    [AllowedRange(0, 2), Evidence("'Reprioritizing Mission Mandates' (UNITAMS reassigned its election and constitution staff to engagement with the resistance committees): leverage gained per unit share of the mandate's tasks shifted to good offices")]
    public double ShiftedStaffLeverage { get; init; } = 0.3;

    [AllowedRange(0, 1), Evidence("'Reprioritizing Mission Mandates' (UNITAMS froze rule of law; UNAMA froze it too): fit of state-partnership tasks after an armed takeover")]
    public double StatePartnershipFitArmedTakeover { get; init; } = 0.1;

    [AllowedRange(0, 1), Evidence("As above (MINUSMA kept extending state authority after both coups): fit of state-partnership tasks after a military coup")]
    public double StatePartnershipFitMilitaryCoup { get; init; } = 0.5;

    [AllowedRange(0, 1), Evidence("As above: fit of state-partnership tasks after a democratic coup")]
    public double StatePartnershipFitDemocraticCoup { get; init; } = 0.85;

    // ---- Mechanism 8: the permanent members' stances ------------------------------------------------------

    [AllowedRange(0, 1), Evidence("Box 3: the US activated its coup protocol in Mali, Myanmar, Guinea, Burkina Faso, Gabon and Niger; chance a military coup is labelled a coup")]
    public double CoupLabelBase { get; init; } = 0.85;

    [AllowedRange(0, 1), Evidence("Box 3: the US did not label Chad or Sudan coups (security partners); reduction in labelling per unit of prior US relationship")]
    public double AllyLabelDiscount { get; init; } = 0.6;

    [AllowedRange(0, 1), Evidence("Box 3: US targeted sanctions were at times delayed; monthly hazard the US protocol is activated once it applies")]
    public double UsSanctionsActivation { get; init; } = 0.3;

    [AllowedRange(0, 1), Evidence("Box 3: Russia formed security partnerships with most Sahel juntas; Russia's baseline embrace of new authorities")]
    public double RussiaEmbrace { get; init; } = 0.4;

    [AllowedRange(0, 1), Evidence("Box 3: China is pragmatic, guided by non-interference")]
    public double ChinaPragmatism { get; init; } = 0.25;

    [AllowedRange(0, 1), Evidence("Box 3 and Box 4: China and Russia blocked endorsement of ECOWAS sanctions on Mali in 2022 (after Wagner's arrival) and condemnation of Myanmar's coup; stance above which a member blocks endorsement or condemnation")]
    public double EndorsementBlockStance { get; init; } = 0.55;

    [AllowedRange(0, 1), Evidence("Box 3: Russia formed security partnerships with the Sahel juntas; stance Russia gains when the authorities take an alternative partner")]
    public double RussiaPartnerEmbrace { get; init; } = 0.2;

    [AllowedRange(0, 10), Evidence("Box 3 (Mali 2020: a presidential statement called for a return to constitutional order within 18 months and asked MINUSMA to support the transition): contribution of a Council statement to the push for a transition")]
    public double CouncilStatementPressure { get; init; } = 0.3;

    [AllowedRange(0, 1), Evidence("Box 3: the US, UK and France punish labelled coups; stance lost by a Western member when the event is labelled")]
    public double WesternPunishment { get; init; } = 0.4;

    [AllowedRange(0, 1), Evidence("'Navigating Geopolitics': France's animus after Mali aligned with Russia spilled onto MINUSMA; stance a Western penholder loses when an alternative partner arrives")]
    public double PenholderAnimus { get; init; } = 0.5;

    [AllowedRange(0, 1), Evidence("As above: the mission suffered collateral damage from France-Mali relations; relationship cost per unit of a hostile penholder's stance")]
    public double PenholderCollateral { get; init; } = 0.15;

    [AllowedRange(0, 1), Evidence("Box 3 and 'Navigating Geopolitics': the arrival of Wagner sharpened Council divisions; polarization added by an alternative partnership")]
    public double AlternativePartnerPolarization { get; init; } = 0.1;

    [AllowedRange(0, 1), Evidence("Box 3 (Russia's offers of security assistance): monthly base hazard of inviting an available alternative security partner")]
    public double AlternativePartnerBase { get; init; } = 0.012;

    [AllowedRange(0, 10), Evidence("Box 3: Russia's embrace; multiplier per unit of Russia's stance")]
    public double RussiaOfferFactor { get; init; } = 1.5;

    [AllowedRange(0, 10), Evidence("Off by default: a hypothesis, not a finding of the report, which never says sanctions drive juntas to alternative partners (in Mali, Wagner arrived before ECOWAS's sanctions; 'Coordinating with Regional Organizations'). Multiplier on the partner invitation while the authorities are under sanctions, for exploring it")]
    public double SanctionsPartnerFactor { get; init; } = 0;

    [AllowedRange(0, 1), Evidence("'Responding to Contentious Actions' (Mali overhauled its partnerships): shift in alignment toward alternative partners when one is invited")]
    public double AlternativePartnerAlignmentShift { get; init; } = 0.3;

    [AllowedRange(0, 10), Evidence("'Reassessing the Approach' and Box 4: targeted regional sanctions add to the push for a transition agreement")]
    public double TargetedSanctionsPressure { get; init; } = 0.4;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: monthly speed at which each permanent member's stance moves toward what events call for")]
    public double StanceAdjustmentRate { get; init; } = 0.2;

    [AllowedRange(0, 1), Evidence("'Responding to Contentious Actions' and 'Navigating Geopolitics': Western stance lost as the authorities climb the escalation ladder (full at four steps)")]
    public double ContentionWesternPunishment { get; init; } = 0.3;

    [AllowedRange(0, 1), Evidence("Box 4 (Mali 2020: an agreement eased relations): Western stance regained while a transition is agreed")]
    public double TransitionReward { get; init; } = 0.3;

    [AllowedRange(0, 1), Evidence("'Navigating Geopolitics': Western members other than the penholder also cooled when Wagner arrived; stance lost")]
    public double WesternPartnerCost { get; init; } = 0.2;

    [AllowedRange(0, 2), Evidence("Box 3 (Russia partnered the juntas that turned to it): Russia's stance gained per unit of alignment above one half")]
    public double RussiaAlignmentEmbrace { get; init; } = 0.4;

    [AllowedRange(0, 2), Evidence("Box 3 (China pragmatic, adapting to changing regimes): China's stance gained per unit of alignment above one half")]
    public double ChinaAlignmentDrift { get; init; } = 0.2;

    [AllowedRange(0, 2), Evidence("'Navigating Geopolitics': divisions over a country deepen the Council's; polarization added per unit of widening gap between Russia and China and the Western members")]
    public double StanceDivergencePolarization { get; init; } = 0.3;

    [AllowedRange(0, 1), Evidence("'Navigating Geopolitics' (press statements after most recent coups): monthly chance of a statement in the first month at zero polarization")]
    public double CouncilStatementBase { get; init; } = 0.7;

    [AllowedRange(0.1, 60), Evidence("As above: statements come while the UCG is fresh; e-folding time of that chance, months")]
    public double StatementSalienceMonths { get; init; } = 3;

    [AllowedRange(0, 1), Evidence("As above (silence on Chad, Guinea and Gabon, not on the Council's regular agenda): share of that chance for a country with no mission")]
    public double OffAgendaStatementFactor { get; init; } = 0.15;

    [AllowedRange(0, 1), Evidence("'Navigating Geopolitics' (non-traditional partners offset cuts): alignment pull toward alternative partners per unit of traditional aid lost")]
    public double AidCutAlignment { get; init; } = 0.15;

    [AllowedRange(0, 1), Evidence("Box 3 and 'Navigating Geopolitics': alignment pull toward alternative partners per unit of Western hostility")]
    public double PunishmentAlignment { get; init; } = 0.2;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: monthly speed of alignment toward its target")]
    public double AlignmentDrift { get; init; } = 0.1;

    // ---- Mechanism 9: aid cuts -------------------------------------------------------------------------

    [AllowedRange(0.01, 1), Evidence("'Navigating Geopolitics': weight of development aid in pre-UCG aid (the three weights are normalized to sum to one)")]
    public double DevelopmentAidShare { get; init; } = 0.5;

    [AllowedRange(0.01, 1), Evidence("As above: weight of direct budget support")]
    public double BudgetSupportShare { get; init; } = 0.25;

    [AllowedRange(0.01, 1), Evidence("As above: weight of humanitarian aid")]
    public double HumanitarianAidShare { get; init; } = 0.25;

    [AllowedRange(0, 1), Evidence("As above (Afghanistan: an almost complete shutoff): development aid kept under a full cut")]
    public double FullCutDevelopmentKept { get; init; } = 0.1;

    [AllowedRange(0, 1), Evidence("As above (only France suspended all development aid to Mali in 2021): development aid kept when budget support is suspended")]
    public double SuspensionDevelopmentKept { get; init; } = 0.6;

    [AllowedRange(0, 1), Evidence("As above: net aid falls after nearly every UCG, even where donors try to keep it; aid kept under a maintain policy")]
    public double MaintainedAidKept { get; init; } = 0.9;

    [AllowedRange(0, 1), Evidence("Note 3: some donors, the US among them, must legally suspend aid after a coup; extra development aid lost when the event is labelled a coup")]
    public double LegalSuspensionShare { get; init; } = 0.15;

    [AllowedRange(0, 1), Evidence("'Navigating Geopolitics': some development aid is redirected to humanitarian work; share of the cut redirected")]
    public double RedirectShare { get; init; } = 0.35;

    [AllowedRange(0, 1), Evidence("As above: cuts may be partly offset by non-traditional donors; share of the loss offset at full alignment with alternative partners")]
    public double NonTraditionalOffset { get; init; } = 0.3;

    [AllowedRange(0, 1), Evidence("As above: France cut development aid to Mali over its alignment with Russia; development aid lost when an alternative partner arrives")]
    public double AlignmentAidCut { get; init; } = 0.2;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: speed at which aid moves to its new level, per month")]
    public double AidAdjustmentRate { get; init; } = 0.3;

    [AllowedRange(0, 1), Evidence("'Navigating Geopolitics': UNITAMS's mandate to mobilize frozen aid bred tension with the military; hostility per month per unit of unavailable aid")]
    public double AidMobilizationTension { get; init; } = 0.02;

    [AllowedRange(0, 2), Evidence("Modelling assumption, no figure in the report: hardship added per unit of aid lost, scaled by aid dependence")]
    public double HardshipPerAidLost { get; init; } = 0.8;

    [AllowedRange(0, 1), Evidence("Box 4 and 'Coordinating with Regional Organizations': economic sanctions add hardship (harsh; targeted counts one third)")]
    public double SanctionsHardship { get; init; } = 0.25;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: hardship before the UCG")]
    public double BaselineHardship { get; init; } = 0.3;

    // ---- Mechanism 10: legitimacy and public opinion ---------------------------------------------------

    [AllowedRange(0, 1), Evidence("'Does Engaging Risk Legitimizing?' (UNITAMS lost the trust of civil society): civil-society trust lost by full engagement with wholly unpopular authorities")]
    public double EngagementTrustCost { get; init; } = 0.5;

    [AllowedRange(0, 1), Evidence("As above (Mali: the mission risked more opposition for not engaging the popular colonels): credibility lost per month by refusing wholly popular authorities")]
    public double RefusalLegitimacyCost { get; init; } = 0.03;

    [AllowedRange(0, 1), Evidence("'Reassessing the Approach' (UNAMA's local-level engagement): share of the trust cost avoided by engaging locally")]
    public double LocalEngagementRelief { get; init; } = 0.5;

    [AllowedRange(0, 1), Evidence("As above: local engagement carries less weight in the national transition; leverage kept")]
    public double LocalEngagementLeverage { get; init; } = 0.7;

    [AllowedRange(0, 1), Evidence("'A pragmatic approach for UN peace operations' (Lessons): relationship gained by full pragmatic engagement")]
    public double PragmaticRelationshipGain { get; init; } = 0.15;

    [AllowedRange(0, 1), Evidence("As above: monthly hostility eased by pragmatic engagement")]
    public double PragmaticHostilityRelief { get; init; } = 0.004;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: engagement intensity of a principled posture relative to a pragmatic one")]
    public double PrincipledEngagement { get; init; } = 0.35;

    // ---- Mechanism 11: strategic reassessment ----------------------------------------------------------

    [AllowedRange(1, 240), Evidence("'Reassessing the Approach': assessments came 18 months after (Mali), about 24 (Afghanistan), never (Sudan); mean months until a mission adapts unaided (a constant monthly chance)")]
    public double UnaidedAdaptationMonths { get; init; } = 24;

    [AllowedRange(0, 1), Evidence("As above: pushing a short transition the authorities do not want strains relations; relationship cost per unit of lacking commitment")]
    public double AssumptionMismatchCost { get; init; } = 0.12;

    [AllowedRange(0, 1), Evidence("As above: monthly hostility from a mission still pressing for a short transition")]
    public double AssumptionMismatchHostility { get; init; } = 0.01;

    [AllowedRange(0, 1), Evidence("As above: leverage kept while the mission's strategy rests on outdated assumptions")]
    public double OutdatedStrategyLeverage { get; init; } = 0.6;

    // ---- Mechanism 12: mandate reprioritization and human rights ----------------------------------------

    [AllowedRange(0, 1), Evidence("'Reprioritizing Mission Mandates': the Malian authorities disliked public criticism of the military's record; monthly hostility from public reporting")]
    public double PublicReportingHostility { get; init; } = 0.004;

    [AllowedRange(0, 1), Evidence("As above: public reporting keeps civil society's trust")]
    public double PublicReportingTrustGain { get; init; } = 0.1;

    [AllowedRange(0, 1), Evidence("As above: training the army on human rights was welcomed")]
    public double QuietTrainingRelationshipGain { get; init; } = 0.08;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: monthly speed at which society's polarization follows events")]
    public double PopulationPolarizationDrift { get; init; } = 0.05;

    [AllowedRange(0, 1), Evidence("'Responding to Contentious Actions' (the Taliban's edicts on women): polarization added by contentious edicts")]
    public double EdictPolarization { get; init; } = 0.15;

    // ---- Mechanism 13: contentious actions escalate -----------------------------------------------------

    [AllowedRange(0, 1), Evidence("'Responding to Contentious Actions': monthly base intensity of contentious actions at hostility one half")]
    public double ContentionBase { get; init; } = 0.02;

    [AllowedRange(0, 20), Evidence("As above: actions escalate with hostility; log-slope of the intensity in hostility")]
    public double ContentionHostilitySlope { get; init; } = 4.0;

    [AllowedRange(0, 5), Evidence("As above: each step makes the next likelier (edicts, expulsions, persona non grata, then a demand to leave); added per step already taken")]
    public double EscalationLadderBonus { get; init; } = 0.5;

    [AllowedRange(0, 1), Evidence("As above: hostility added by each contentious action")]
    public double EscalationHostilityStep { get; init; } = 0.06;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: monthly relaxation of hostility toward zero when nothing feeds it")]
    public double HostilityRelaxation { get; init; } = 0.05;

    [AllowedRange(0, 1), Evidence("'Responding to Contentious Actions' (Wagner in Mali): monthly hostility fed by an alternative partnership")]
    public double AlternativePartnerHostility { get; init; } = 0.015;

    [AllowedRange(0, 10), Evidence("As above (Taliban edicts): relative weight of edicts")]
    public double EdictWeight { get; init; } = 1.0;

    [AllowedRange(0, 10), Evidence("As above (MINUSMA's human rights director expelled): relative weight of expelling mission officials")]
    public double OfficialsExpulsionWeight { get; init; } = 0.8;

    [AllowedRange(0, 10), Evidence("As above (impediments to West African troop rotations): relative weight of obstructing rotations, peacekeeping only")]
    public double RotationObstructionWeight { get; init; } = 1.0;

    [AllowedRange(0, 10), Evidence("As above (Sudan's head of mission persona non grata ~20 months after): relative weight of declaring the head of mission persona non grata")]
    public double PersonaNonGrataWeight { get; init; } = 0.45;

    [AllowedRange(0, 10), Evidence("As above (asked to leave ~25 months after in Mali and Sudan): relative weight of demanding the mission leave")]
    public double WithdrawalDemandWeight { get; init; } = 0.35;

    [AllowedRange(0, 10), Evidence("Lessons: a divided Council emboldened coup leaders to make conditions difficult for missions; multiplier on contentious actions per unit of polarization")]
    public double PolarizationEmboldening { get; init; } = 1.0;

    // ---- Mechanism 14: internal rivalry to war --------------------------------------------------------------

    [AllowedRange(0, 1), Evidence("'Responding to Contentious Actions' (Burhan and Hemedti turned on each other): monthly growth of factional rivalry, per unit of squared rivalry (rivals with their own forces feed on each other)")]
    public double RivalryGrowth { get; init; } = 0.015;

    [AllowedRange(0, 1), Evidence("As above (war about 18 months after Sudan's 2021 coup): monthly war hazard at rivalry one half")]
    public double CivilWarBase { get; init; } = 0.006;

    [AllowedRange(0, 10), Evidence("As above: war needs armed rivals; exponent of rivalry in the war hazard")]
    public double CivilWarRivalryExponent { get; init; } = 3.0;

    [AllowedRange(0, 1), Evidence("'Responding to Contentious Actions' (Sudan: the head of mission was accused of taking sides once war broke out): hostility added at the outbreak of war")]
    public double CivilWarHostility { get; init; } = 0.2;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: hardship added while the country is at war")]
    public double CivilWarHardship { get; init; } = 0.3;

    [AllowedRange(0, 1), Evidence("'Does Engaging Risk Legitimizing?' (UNITAMS caught between the parties once war broke out in Sudan): polarization added to society by war")]
    public double CivilWarPolarization { get; init; } = 0.2;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: monthly fall of factional rivalry per unit of rivalry as the dominant faction consolidates")]
    public double RivalryConsolidation { get; init; } = 0.004;

    [AllowedRange(0, 1), Evidence("Lessons and 'Coordinating with Regional Organizations' (member states backing different factions): monthly rivalry added at full outside backing of rivals")]
    public double PatronRivalryGrowth { get; init; } = 0.01;

    [AllowedRange(0, 1), Evidence("As above: parallel tracks sideline the UN-regional mechanism; share of good offices and mediation lost at full outside backing")]
    public double PatronSidelining { get; init; } = 0.5;

    [AllowedRange(0, 1), Evidence("Brief §2 (the population can take up arms against unpopular authorities): monthly war hazard at zero support")]
    public double ArmedResistanceBase { get; init; } = 0.01;

    [AllowedRange(0, 1), Evidence("Brief §3 (an insurgency already active at onset; the Sahel): monthly hazard it escalates to a war over the state")]
    public double InsurgencyEscalationBase { get; init; } = 0.003;

    [AllowedRange(0, 20), Evidence("Lessons (MINUSMA's rushed withdrawal compromised security): multiplier on insurgent escalation per unit of security vacuum")]
    public double SecurityVacuumFactor { get; init; } = 4;

    [AllowedRange(0.1, 120), Evidence("Modelling assumption, no figure in the report: e-folding time of the vacuum a mission's exit leaves, months")]
    public double SecurityVacuumMonths { get; init; } = 12;

    [AllowedRange(0, 1), Evidence("Lessons (exits without adequate handover): hardship added by a full security vacuum")]
    public double RushedExitHardship { get; init; } = 0.1;

    // ---- Mechanism 15: One UN ------------------------------------------------------------------------------

    [AllowedRange(0, 1), Evidence("'Internal Divisions over How to Engage': divided approaches reduce everyone's leverage (Afghanistan); leverage kept without One UN integration")]
    public double DividedUnLeverage { get; init; } = 0.7;

    [AllowedRange(0, 1), Evidence("'Internal Divisions over How to Engage' and 'Responding to Contentious Actions' (the Taliban's edicts split UNAMA and the country team): coherence lost by a contentious edict")]
    public double EdictDivision { get; init; } = 0.15;

    [AllowedRange(0, 1), Evidence("As above: share of that split an integrated One UN presence absorbs")]
    public double OneUnEdictResilience { get; init; } = 0.6;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: monthly recovery of coherence toward its level before the edict")]
    public double CoherenceRecovery { get; init; } = 0.05;

    [AllowedRange(0, 1), Evidence("'Does Engaging Risk Legitimizing?' (debates over proposing withdrawal in Mali and Afghanistan): monthly chance the Secretariat threatens withdrawal once the exit option is in play")]
    public double ExitThreatBase { get; init; } = 0.1;

    [AllowedRange(0, 20), Evidence("As above: contentious actions taken before the exit option is considered")]
    public int ExitThreatActions { get; init; } = 2;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: hostility eased when authorities that still need the mission hear the threat")]
    public double ExitThreatRestraint { get; init; } = 0.1;

    [AllowedRange(0, 1), Evidence("'Responding to Contentious Actions' (authorities with Wagner asked MINUSMA to leave): hostility added when authorities with an alternative partner call the bluff")]
    public double ExitThreatBackfire { get; init; } = 0.15;

    [AllowedRange(0, 1), Evidence("'Navigating Geopolitics' (UNAMA: division over the red lines left its remit unclear): share of engagement lost at full Council polarization")]
    public double RedLineEngagementLimit { get; init; } = 0.4;

    [AllowedRange(0, 1), Evidence("'Navigating Geopolitics' (Taliban figures already under UN sanctions): share of leverage kept under UN sanctions listings' contact limits")]
    public double UnListingsLeverage { get; init; } = 0.7;

    [AllowedRange(0, 1), Evidence("As above: sanctions that hit humanitarian and development work; hardship added by UN listings or US targeted sanctions, each")]
    public double SanctionsHumanitarianSpillover { get; init; } = 0.05;

    // ---- Mechanism 16: credentials ---------------------------------------------------------------------

    [AllowedRange(0, 1), Evidence("Box 3 and 'Legal and Political Guidance': stricter contact protocols where credentials are withheld (Afghanistan, Myanmar); leverage kept")]
    public double StrictProtocolLeverage { get; init; } = 0.6;

    [AllowedRange(0, 1), Evidence("Box 3: most new authorities are credentialed quickly; chance credentials are withheld when they are contested")]
    public double CredentialsWithheldWhenContested { get; init; } = 0.9;

    // ---- Mission leverage and population -------------------------------------------------------------------

    [AllowedRange(0, 10), Evidence("'Reassessing the Approach': good offices push for a transition; contribution of full mission leverage to the agreement hazard")]
    public double GoodOfficesEffect { get; init; } = 1.0;

    [AllowedRange(0, 1), Evidence("'Reassessing the Approach' (MINUSMA's 15,000 personnel gave it more leverage in theory): leverage of a special political mission relative to a peacekeeping operation")]
    public double SpecialPoliticalMissionLeverage { get; init; } = 0.75;

    [AllowedRange(0, 1), Evidence("'Reassessing the Approach' (MINUSMA's ~15,000 personnel): share of a mission's leverage that comes from its size, reached at FullStrengthPersonnel")]
    public double MissionSizeLeverage { get; init; } = 0.2;

    [AllowedRange(1, 100000), Evidence("'Reassessing the Approach': MINUSMA's ~15,000 uniformed and civilian personnel, the largest case; personnel at which size adds no further leverage")]
    public int FullStrengthPersonnel { get; init; } = 15000;

    [AllowedRange(0, 1), Evidence("Introduction (regional political offices and envoys in Guinea, Niger, Gabon): leverage of a UN presence with no mission in the field, relative to a peacekeeping operation")]
    public double EnvoyLeverage { get; init; } = 0.35;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: civil society's trust in the mission before the UCG")]
    public double CivilSocietyTrustAtOnset { get; init; } = 0.6;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: monthly pull of popular support back toward its level at onset")]
    public double SupportReversion { get; init; } = 0.08;

    [AllowedRange(0, 2), Evidence("Modelling assumption, no figure in the report: monthly support lost per unit of hardship above its pre-UCG level")]
    public double HardshipSupportCost { get; init; } = 0.04;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: width of the monthly uniform shock to support")]
    public double SupportShock { get; init; } = 0.04;

    [AllowedRange(0, 1), Evidence("Modelling assumption, no figure in the report: speed at which hardship, trust and credibility move toward their targets, per month")]
    public double AdjustmentRate { get; init; } = 0.2;
}
