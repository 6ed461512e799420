using UcgSim.Core.Agents;
using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Scenarios;

namespace UcgSim.Core.Simulation;

/// <summary>
/// The reference model: one replicate of one country after one UCG, one object per agent, stepped a month
/// at a time in the order a reader can follow (<see cref="StepMonth"/>). It is the specification any faster
/// kernel must reproduce exactly, so every stochastic event is a single uniform draw, addressed by
/// (month, stream), against a probability computed from the state.
/// </summary>
public sealed class CountryAfterUcg
{
    private readonly ScenarioConditions _scenario;
    private readonly PolicyVariant _variant;
    private readonly BehaviouralParameters _p;
    private readonly ReplicateRandom _random;
    private readonly bool _credentialsWithheld;
    private MandateFit _mandateFit;

    private CountryAfterUcg(ScenarioConditions scenario, PolicyVariant variant, BehaviouralParameters parameters,
        ReplicateRandom random, int horizon)
    {
        _scenario = scenario;
        _variant = variant;
        _p = parameters;
        _random = random;
        History = new ReplicateHistory(horizon);

        // Month 0: the takeover. Only what a scenario cannot pin down is drawn here.
        double openness = Math.Clamp(scenario.OpennessSignal
            + _p.OpennessUncertainty * (2 * random.Uniform(0, DrawStream.OpennessAtOnset) - 1), 0, 1);
        double commitment = Math.Clamp(scenario.DeclaredTransitionCommitment
            + _p.OpennessUncertainty * (2 * random.Uniform(0, DrawStream.CommitmentAtOnset) - 1), 0, 1);
        Authorities = new DeFactoAuthorities(openness, commitment, scenario.FactionRivalry,
            AlignmentAtOnset(scenario), scenario.HistoricalDistrust);

        // Armed-group takeovers are not coups and are never labelled as such (Box 1, Box 3).
        bool labelled = scenario.UcgType != UcgType.ArmedGroupTakeover && random.Occurs(0, DrawStream.CouncilLabelsCoup,
            _p.CoupLabelBase - _p.AllyLabelDiscount * Math.Max(0, scenario.UnitedStatesRelationship));
        Council = new SecurityCouncil(scenario, _p, labelled);

        Region = new RegionalOrganization(scenario.RegionalSetting, _p);
        if (variant.RegionalSuspension && Region.Exists
            && random.Occurs(0, DrawStream.RegionalSuspension, Region.NormStrength))
        {
            Region.Suspended = true;
            Region.ShiftRelationship(-_p.SuspensionRelationshipCost);
            History.Mark(EventKind.RegionalSuspension, 0);
        }

        _credentialsWithheld = variant.Credentials switch
        {
            CredentialsRecognition.Recognize => false,
            CredentialsRecognition.Withhold => true,
            _ => scenario.CredentialsContested
                 && random.Occurs(0, DrawStream.CredentialsDecision, _p.CredentialsWithheldWhenContested),
        };

        Mission = new UnMission(scenario.UnPresence, scenario.MissionPersonnel, scenario.MandateTasks,
            _p.CivilSocietyTrustAtOnset);
        Donors = new Donors();
        Population = new Population(scenario.PopularSupport, scenario.SocietalPolarization, _p.BaselineHardship);
        Mission.Relationship = RelationshipWithAuthorities(0);
        Record(0);
    }

    public DeFactoAuthorities Authorities { get; }
    public UnMission Mission { get; }
    public SecurityCouncil Council { get; }
    public RegionalOrganization Region { get; }
    public Donors Donors { get; }
    public Population Population { get; }
    public ReplicateHistory History { get; }

    /// <summary>Runs one replicate to the horizon, or until a counter-coup ends it.</summary>
    public static ReplicateHistory Simulate(ScenarioConditions scenario, PolicyVariant variant,
        BehaviouralParameters parameters, ReplicateRandom random, int horizon) =>
        Run(scenario, variant, parameters, random, horizon).History;

    /// <summary>As <see cref="Simulate"/>, keeping the agents for inspection of their final state.</summary>
    public static CountryAfterUcg Run(ScenarioConditions scenario, PolicyVariant variant,
        BehaviouralParameters parameters, ReplicateRandom random, int horizon)
    {
        var country = new CountryAfterUcg(scenario, variant, parameters, random, horizon);
        int month = 1;
        for (; month <= horizon; month++)
        {
            bool ended = country.StepMonth(month);
            country.Record(month);
            if (ended) break;
        }
        country.CarryLastValuesForward(month + 1);
        country.History.Outcome = country.FinalOutcome();
        return country;
    }

    /// <summary>One month, agent by agent. Returns true when the replicate ends.</summary>
    private bool StepMonth(int month)
    {
        SecurityCouncilActs(month);
        RegionalOrganizationActs(month);
        DonorsRespond();
        double misfit = MissionActs(month);
        if (Authorities.InPower) AuthoritiesDecideOnTransition(month);
        // Checked again: a handover this month leaves a civilian government, which takes none of the junta's actions.
        if (Authorities.InPower)
        {
            AuthoritiesTakeContentiousActions(month);
            FeedHostility(misfit);
            Authorities.GrowRivalry(_p.RivalryGrowth * Authorities.FactionRivalry * Authorities.FactionRivalry
                                   * (1 + Population.Hardship));
        }
        PopulationReacts(month);
        Mission.Relationship = RelationshipWithAuthorities(month);
        return TerminalEventOccurs(month);
    }

    // ---- Security Council and the permanent members (mechanisms 7 and 8) -----------------------------

    private void SecurityCouncilActs(int month)
    {
        bool usProtocolApplies = _variant.P5TargetedSanctions switch
        {
            P5TargetedSanctions.Impose => true,
            P5TargetedSanctions.Withhold => false,
            _ => Council.LabelledCoup,
        };
        if (usProtocolApplies && Authorities.InPower && !History.Happened(EventKind.UsTargetedSanctions)
            && _random.Occurs(month, DrawStream.UsSanctionsActivated, _p.UsSanctionsActivation))
        {
            History.Mark(EventKind.UsTargetedSanctions, month);
        }

        // A country off the Council's agenda (no mission) draws silence (Chad, Guinea, Gabon; Box 3); otherwise
        // a statement needs a Council that is not too divided and no member embracing the authorities.
        if (month == 1 && Mission.InCountry && !Council.BlocksEndorsement(_p)
            && _random.Occurs(month, DrawStream.CouncilStatement, 1 - Council.Polarization))
            History.Mark(EventKind.CouncilStatement, month);

        if (!Mission.InCountry || month != Council.MonthOfNextRenewal || Council.Mandate == MandateState.Updated) return;
        if (_variant.CouncilResponse == CouncilResponse.RolloverThenUpdate && Council.Mandate == MandateState.Original)
        {
            Council.Mandate = MandateState.RolledOver;
            Council.MonthOfNextRenewal = month + _p.RolloverMonths;
            return;
        }
        if (_variant.CouncilResponse != CouncilResponse.Unchanged
            && _random.Occurs(month, DrawStream.MandateDecision, Council.UpdateChance(_p)))
        {
            Council.Mandate = MandateState.Updated;
            Mission.RealignMandate();
            History.Mark(EventKind.MandateUpdated, month);
            return;
        }
        Council.MonthOfNextRenewal = month + _p.MandateRenewalMonths;
    }

    // ---- Regional organization (mechanisms 5 and 6) ---------------------------------------------------

    private void RegionalOrganizationActs(int month)
    {
        if (!Region.Exists || Authorities.LeftRegionalOrganization) return;

        // A transition agreement (under the lifting rule) or the return of civilian rule ends sanctions and
        // suspension (Mali 2020: lifted and readmitted within 1.5 months of the agreement).
        bool reward = !Authorities.InPower
                      || (Authorities.Stage == TransitionStage.Agreed
                          && _variant.SanctionsLifting == SanctionsLifting.OnTransitionAgreement);
        if (reward && Region.Sanctions != SanctionsLevel.None)
        {
            Region.Lift();
            History.Mark(EventKind.RegionalSanctionsLifted, month);
        }
        if (reward && Region.Suspended)
        {
            Region.Suspended = false;
            History.Mark(EventKind.RegionalReadmission, month);
        }

        bool triggerOpen = _variant.SanctionsTrigger switch
        {
            SanctionsTrigger.AtOnset => true,
            SanctionsTrigger.AtMonth => month >= _variant.SanctionsMonth,
            _ => Authorities.TimelineSlipped,
        };
        // Sanctions can come back after an abandoned transition: the trigger reopens once no agreement stands.
        if (_variant.RegionalSanctions != SanctionsLevel.None && triggerOpen && Region.Sanctions == SanctionsLevel.None
            && !reward && Authorities.Stage == TransitionStage.NoAgreement)
        {
            double adoption = Region.NormStrength * (_variant.RegionalSanctions == SanctionsLevel.Harsh
                ? _p.HarshSanctionsAdoption : _p.TargetedSanctionsAdoption);
            if (_random.Occurs(month, DrawStream.RegionalSanctionsAdopted, adoption))
            {
                bool endorsed = !Council.BlocksEndorsement(_p)
                                && _random.Occurs(month, DrawStream.RegionalSanctionsEndorsed, 1 - Council.Polarization);
                Region.Impose(_variant.RegionalSanctions, month, endorsed, _variant.InterventionThreat);
                Region.ShiftRelationship(-Region.Hardness / 2);
                History.Mark(EventKind.RegionalSanctionsImposed, month);
            }
        }
        if (_variant.SanctionsEscalation && Region.Sanctions == SanctionsLevel.Targeted
            && Authorities.Stage == TransitionStage.NoAgreement
            && month - Region.MonthImposed >= _p.SanctionsEscalationMonths)
        {
            Region.Impose(SanctionsLevel.Harsh, month, Region.SanctionsEndorsed, _variant.InterventionThreat);
            Region.ShiftRelationship(-Region.Hardness / 2);
        }

        if (Region.Sanctions != SanctionsLevel.None)
            Region.ShiftRelationship(-_p.SanctionsRelationshipErosion * Region.Hardness);
        else if (Region.SanctionsEverImposed)
            Region.ShiftRelationship(_p.SanctionsLiftingRecovery * (1 - Region.Relationship));
        if (_variant.RegionalDialogue && Region.Suspended)
            Region.ShiftRelationship(_p.RegionalDialogueRecovery);
    }

    // ---- Donors (mechanism 9) -------------------------------------------------------------------------

    private void DonorsRespond()
    {
        // Once civilian rule is back, donors resume as if maintaining aid and no coup label binds them.
        bool inPower = Authorities.InPower;
        Donors.Respond(_p, inPower ? _variant.DonorResponse : DonorResponse.Maintain,
            inPower && Council.LabelledCoup, Authorities.HasAlternativePartner, Authorities.Alignment, UnCoherence);
    }

    // ---- UN mission (mechanisms 6, 7, 10, 11, 12, 15, 16) -----------------------------------------------

    /// <summary>Share of leverage kept given One UN integration (mechanism 15).</summary>
    private double UnCoherence => _variant.OneUnIntegration ? 1 : _p.DividedUnLeverage;

    private double Engagement => _variant.MissionPosture == MissionPosture.Pragmatic ? 1 : _p.PrincipledEngagement;

    private bool EngagesLocally => _variant.EngagementLevel == EngagementLevel.Local;

    /// <summary>Share of engagement left by the contact protocols of withheld credentials (mechanism 16).</summary>
    private double ContactProtocol => _credentialsWithheld ? _p.StrictProtocolLeverage : 1;

    private bool LinkedToRegionalBody =>
        _variant.RegionalLinking == RegionalLinking.LinkedToRegionalBody && Region.Exists && !Authorities.LeftRegionalOrganization;

    /// <summary>The UN's leverage over the authorities, 0 to about 1: size, coherence, protocols, credibility, strategy.</summary>
    private double MissionLeverage()
    {
        double presence = !Mission.InCountry ? _p.EnvoyLeverage : Mission.Presence switch
        {
            UnPresence.PeacekeepingOperation => 1.0,
            UnPresence.SpecialPoliticalMission => _p.SpecialPoliticalMissionLeverage,
            _ => _p.EnvoyLeverage,
        };
        double size = Mission.InCountry
            ? 1 - _p.MissionSizeLeverage * (1 - Math.Min(1, Mission.Personnel / (double)_p.FullStrengthPersonnel))
            : 1;
        return presence * size
               * UnCoherence
               * ContactProtocol
               * (EngagesLocally ? _p.LocalEngagementLeverage : 1)
               * (Mission.StrategyAdapted ? 1 : _p.OutdatedStrategyLeverage)
               * (Mission.HeadOfMissionPersonaNonGrata ? _p.PersonaNonGrataLeverage : 1)
               * (_variant.MandateTaskHandling == MandateTaskHandling.ShiftToGoodOffices && Mission.InCountry
                   ? 1 + _p.ShiftedStaffLeverage * _mandateFit.IrrelevantShare
                   : 1)
               * Mission.Credibility
               * (1 + Donors.MissionPoliticalFunding);
    }

    /// <returns>The mandate's misfit this month, which also feeds the authorities' hostility.</returns>
    private double MissionActs(int month)
    {
        if (_variant.StrategicAssessmentMonth is int assessmentMonth && month >= Math.Max(1, assessmentMonth)
            && !History.Happened(EventKind.StrategicAssessment) && Mission.InCountry)
        {
            History.Mark(EventKind.StrategicAssessment, month);
            Mission.AdaptStrategy();
        }
        if (!Mission.StrategyAdapted
            && _random.Occurs(month, DrawStream.MissionAdaptsUnaided, 1 / _p.UnaidedAdaptationMonths))
            Mission.AdaptStrategy();

        double support = Population.Support;
        _mandateFit = Mission.InCountry
            ? Mission.AssessMandate(_p, _scenario.UcgType, Authorities.TransitionCommitment, Donors.NetAid,
                _variant.MandateTaskHandling)
            : default;
        double misfit = _mandateFit.Misfit;

        // Refusing to engage popular authorities costs the mission its own legitimacy (mechanism 10).
        Mission.UpdateCredibility(_p.CredibilityRecovery * (1 - Mission.Credibility)
            - _p.MisfitCredibilityErosion * misfit
            - _p.RefusalLegitimacyCost * (1 - Engagement) * Math.Max(0, 2 * support - 1));

        // Engaging unpopular authorities costs civil society's trust, the more so in a divided society
        // (UNITAMS, caught between the resistance committees and the generals); local engagement softens it.
        double trustCost = _p.EngagementTrustCost * Engagement * (1 - support) * (0.5 + Population.Polarization)
                           * (EngagesLocally ? 1 - _p.LocalEngagementRelief : 1);
        Mission.UpdateTrust(_p, _p.CivilSocietyTrustAtOnset - trustCost
            + (LinkedToRegionalBody ? _p.LinkingTrustGain : 0)
            + (_variant.HumanRightsReporting == HumanRightsReporting.PublicReporting ? _p.PublicReportingTrustGain : 0));
        return misfit;
    }

    private void FeedHostility(double misfit)
    {
        var a = Authorities;
        double change = -_p.HostilityRelaxation * a.Hostility;
        if (a.HasAlternativePartner) change += _p.AlternativePartnerHostility;
        if (Mission.InCountry)
        {
            if (_variant.HumanRightsReporting == HumanRightsReporting.PublicReporting) change += _p.PublicReportingHostility;
            change += _p.MisfitHostility * misfit;
            if (Mission.Tasks.HasFlag(MandateTasks.AidCoordination) && !Mission.MandateRealigned)
                change += _p.AidMobilizationTension * Math.Max(0, 1 - Donors.NetAid);
            if (!Mission.StrategyAdapted) change += _p.AssumptionMismatchHostility * (1 - a.TransitionCommitment);
            change -= _p.PragmaticHostilityRelief * Engagement * ContactProtocol;
        }
        a.ShiftHostility(change);
    }

    /// <summary>
    /// The mission's relationship with the authorities (mechanism 1): the manner of the takeover weighs at
    /// first and fades; after that, openness, accumulated hostility and the mission's own choices decide.
    /// </summary>
    private double RelationshipWithAuthorities(int month)
    {
        var a = Authorities;
        double stigma = _scenario.UcgType switch
        {
            UcgType.ArmedGroupTakeover => _p.ArmedTakeoverStigma,
            UcgType.MilitaryCoup => _p.MilitaryCoupStigma,
            _ => 0,
        };
        double relationship = 0.35 + 0.5 * a.Openness
            - _p.HostilityRelationshipWeight * a.Hostility
            - stigma * Math.Exp(-month / _p.TakeoverSalienceMonths)
            + _p.PragmaticRelationshipGain * Engagement
            - (LinkedToRegionalBody ? _p.LinkingRelationshipCost * Region.Hardness : 0);
        if (_variant.HumanRightsReporting == HumanRightsReporting.QuietTraining) relationship += _p.QuietTrainingRelationshipGain;
        if (!Mission.StrategyAdapted && a.InPower) relationship -= _p.AssumptionMismatchCost * (1 - a.TransitionCommitment);
        if (Council.Penholder is { IsWestern: true } penholder)
            relationship -= _p.PenholderCollateral * Math.Max(0, -penholder.Stance);
        return Math.Clamp(relationship, 0, 1);
    }

    // ---- De facto authorities (mechanisms 2, 3, 13) -----------------------------------------------------

    /// <summary>What works against handing power back: partners, popularity, rivalry (mechanism 3). At least 1.</summary>
    private double Entrenchment() =>
        1 + (Authorities.HasAlternativePartner ? _p.AlternativePartnerEntrenchment : 0)
          + _p.SupportEntrenchment * Math.Max(0, 2 * Population.Support - 1)
          + _p.RivalryObstruction * Authorities.FactionRivalry;

    /// <summary>What pushes toward a transition: UN good offices, regional mediation, targeted sanctions, Council statements.</summary>
    private double TransitionPressure()
    {
        double goodOffices = _p.GoodOfficesEffect * MissionLeverage() * Mission.Relationship
                             * (0.5 + 0.5 * Mission.CivilSocietyTrust);
        double mediation = Region.Exists && !Authorities.LeftRegionalOrganization
            ? _p.RegionalMediationEffect * Region.NormStrength * Region.Relationship * UnCoherence
              * (_variant.RegionalLinking == RegionalLinking.IndependentFallback ? 1 - _p.FallbackSidelining : 1)
            : 0;
        bool targetedPressure = Region.Sanctions == SanctionsLevel.Targeted || History.Happened(EventKind.UsTargetedSanctions);
        return 1 + goodOffices + mediation + (targetedPressure ? _p.TargetedSanctionsPressure : 0)
               + (History.Happened(EventKind.CouncilStatement) ? _p.CouncilStatementPressure : 0);
    }

    private void AuthoritiesDecideOnTransition(int month)
    {
        var a = Authorities;
        double entrenchment = Entrenchment();
        a.ErodeCommitment(_p.CommitmentErosion * (entrenchment - 1));
        // No election is organised, nor a transition agreed, while the country is at war.
        if (History.Happened(EventKind.CivilWar)) return;

        if (a.Stage == TransitionStage.NoAgreement)
        {
            if (!a.TimelineSlipped
                && _random.Occurs(month, DrawStream.TimelineSlips, _p.TimelineSlipBase * (1 - a.TransitionCommitment)))
                a.RecognizeSlip();
            double agreement = _p.TransitionAgreementBase * Math.Exp(_p.CommitmentSlope * (a.TransitionCommitment - 0.5))
                               * TransitionPressure() / entrenchment;
            if (_random.Occurs(month, DrawStream.TransitionAgreed, agreement))
            {
                a.AgreeTransition();
                History.Mark(EventKind.TransitionAgreed, month);
            }
            return;
        }

        double abandonment = _p.TransitionAbandonBase * entrenchment * (1 - a.TransitionCommitment);
        if (_random.Occurs(month, DrawStream.TransitionAbandoned, abandonment))
        {
            a.AbandonTransition();
            return;
        }
        bool stalls = _random.Occurs(month, DrawStream.TransitionStalls,
            _p.TransitionStallBase * (entrenchment - 1) / entrenchment);
        if (!stalls && a.AdvanceTransition(1 / _p.TransitionMonthsWhenUnstalled))
            History.Mark(EventKind.CivilianRuleRestored, month);
    }

    /// <summary>The escalation ladder (mechanism 13), held back in the first months (mechanism 2).</summary>
    private void AuthoritiesTakeContentiousActions(int month)
    {
        var a = Authorities;
        double restraint = _p.EarlyRestraintMonths > 0 ? 1 - Math.Exp(-month / _p.EarlyRestraintMonths) : 1;
        bool underSanctions = Region.Sanctions != SanctionsLevel.None || History.Happened(EventKind.UsTargetedSanctions);

        if (_scenario.AlternativePartnerAvailable && !a.HasAlternativePartner)
        {
            double russia = Council.Member(PermanentMemberName.Russia).Stance;
            double invitation = _p.AlternativePartnerBase * restraint
                                * (1 + _p.RussiaOfferFactor * Math.Max(0, russia))
                                * (1 + (underSanctions ? _p.SanctionsPartnerFactor : 0))
                                * (0.5 + a.Alignment);
            if (_random.Occurs(month, DrawStream.AlternativePartnerInvited, invitation))
            {
                a.InviteAlternativePartner(_p.AlternativePartnerAlignmentShift);
                a.TakeContentiousAction(_p.EscalationHostilityStep);
                Council.Polarize(_p.AlternativePartnerPolarization);
                if (Council.Penholder is { IsWestern: true } penholder) penholder.ShiftStance(-_p.PenholderAnimus);
                Council.Member(PermanentMemberName.Russia).ShiftStance(_p.RussiaPartnerEmbrace);
                History.Mark(EventKind.AlternativePartnerInvited, month);
            }
        }

        double intensity = _p.ContentionBase * restraint
                           * Math.Exp(_p.ContentionHostilitySlope * (a.Hostility - 0.5))
                           * (1 + _p.EscalationLadderBonus * a.ContentiousActions);
        TryContentiousAction(month, EventKind.EdictIssued, DrawStream.EdictIssued, intensity * _p.EdictWeight);
        if (Mission.InCountry)
        {
            TryContentiousAction(month, EventKind.OfficialsExpelled, DrawStream.OfficialsExpelled,
                intensity * _p.OfficialsExpulsionWeight);
            if (Mission.IsPeacekeeping)
                TryContentiousAction(month, EventKind.TroopRotationObstructed, DrawStream.TroopRotationObstructed,
                    intensity * _p.RotationObstructionWeight * (1 + Region.Hardness));
            if (TryContentiousAction(month, EventKind.HeadOfMissionPersonaNonGrata, DrawStream.HeadOfMissionPersonaNonGrata,
                    intensity * _p.PersonaNonGrataWeight))
                Mission.DeclareHeadPersonaNonGrata();
            if (TryContentiousAction(month, EventKind.MissionAskedToLeave, DrawStream.MissionAskedToLeave,
                    intensity * _p.WithdrawalDemandWeight))
                Mission.Leave();
        }

        if (Region.CanBeLeft && !a.LeftRegionalOrganization && (Region.Suspended || Region.Sanctions != SanctionsLevel.None))
        {
            double withdrawal = _p.RegionalWithdrawalBase * restraint
                                * (1 + (Region.Sanctions == SanctionsLevel.Harsh ? _p.HarshSanctionsWithdrawalFactor : 0)
                                     + (Region.InterventionThreatened ? _p.InterventionThreatWithdrawalFactor : 0))
                                * (1 + (a.HasAlternativePartner ? _p.AlternativePartnerWithdrawalFactor : 0))
                                * (1.5 - Region.Relationship);
            if (_random.Occurs(month, DrawStream.RegionalWithdrawal, withdrawal))
            {
                a.LeaveRegionalOrganization();
                // The body's sanctions lapse with membership (ECOWAS, 2024); that is not a lifting as a reward.
                Region.Lift();
                History.Mark(EventKind.RegionalWithdrawal, month);
            }
        }
    }

    /// <summary>Each rung of the ladder is taken once; taking it hardens positions further.</summary>
    private bool TryContentiousAction(int month, EventKind kind, DrawStream stream, double probability)
    {
        if (History.Happened(kind) || !_random.Occurs(month, stream, probability)) return false;
        Authorities.TakeContentiousAction(_p.EscalationHostilityStep);
        History.Mark(kind, month);
        return true;
    }

    // ---- Population (mechanisms 5, 9, 10) --------------------------------------------------------------

    private void PopulationReacts(int month)
    {
        double rally = (Region.Sanctions == SanctionsLevel.Harsh ? _p.HarshSanctionsRally : 0)
                       + (Region.InterventionThreatened ? _p.InterventionThreatRally : 0);
        double sanctionsBite = Region.Sanctions switch
        {
            SanctionsLevel.Harsh => 1.0,
            SanctionsLevel.Targeted => _p.TargetedSanctionsBite,
            _ => 0,
        } * (Region.SanctionsEndorsed ? 1 : _p.UnendorsedSanctionsBite);
        double hardshipTarget = _p.BaselineHardship
                                + _scenario.AidDependence * _p.HardshipPerAidLost * Math.Max(0, 1 - Donors.NetAid)
                                + _p.SanctionsHardship * sanctionsBite
                                + (History.Happened(EventKind.CivilWar) ? _p.CivilWarHardship : 0);
        Population.Update(_p, rally, Math.Min(1, hardshipTarget), _p.SanctionsHardship * sanctionsBite,
            _random.Uniform(month, DrawStream.SupportShock));
    }

    // ---- Terminal events (mechanisms 4 and 14) ------------------------------------------------------------

    private bool TerminalEventOccurs(int month)
    {
        var a = Authorities;
        // War does not end the replicate: the authorities stay in place and the mission goes on facing them
        // (Sudan: persona non grata and the demand to leave came after the war began).
        if (a.InPower && !History.Happened(EventKind.CivilWar))
        {
            double war = _p.CivilWarBase * Math.Pow(a.FactionRivalry / 0.5, _p.CivilWarRivalryExponent);
            if (_random.Occurs(month, DrawStream.CivilWar, war))
            {
                History.Mark(EventKind.CivilWar, month);
                a.ShiftHostility(_p.CivilWarHostility);
            }
        }
        // Once at war, armed conflict has replaced palace politics as the way power changes hands.
        if (History.Happened(EventKind.CivilWar)) return false;
        double stageFactor = a.Stage switch
        {
            TransitionStage.Agreed => _p.TransitionPeriodCoupFactor,
            TransitionStage.CivilianRule => _p.CivilianRuleCoupFactor,
            _ => 1,
        };
        double coup = _p.CounterCoupBase * stageFactor
                      * (1 + _p.CoupHistoryFactor * Math.Min(5, _scenario.EarlierCoups))
                      * (1 + _p.RivalryCoupFactor * a.FactionRivalry)
                      * (1 + _p.UnpopularityCoupFactor * Math.Max(0, 1 - 2 * Population.Support));
        if (_random.Occurs(month, DrawStream.CounterCoup, coup))
        {
            History.Mark(EventKind.CounterCoup, month);
            return true;
        }
        return false;
    }

    private Outcome FinalOutcome()
    {
        if (History.Happened(EventKind.CounterCoup)) return Outcome.CounterCoup;
        if (History.Happened(EventKind.CivilWar)) return Outcome.CivilWar;
        return Authorities.Stage == TransitionStage.CivilianRule ? Outcome.TransitionToCivilianRule : Outcome.Entrenched;
    }

    // ---- Measures (brief §6) ------------------------------------------------------------------------------

    private void Record(int month)
    {
        History.Trajectory(TrajectoryMeasure.PopularSupport)[month] = Population.Support;
        History.Trajectory(TrajectoryMeasure.MissionRelationship)[month] = Mission.Relationship;
        History.Trajectory(TrajectoryMeasure.AidLevel)[month] = Donors.NetAid;
        History.Trajectory(TrajectoryMeasure.Hardship)[month] = Population.Hardship;
    }

    private void CarryLastValuesForward(int fromMonth)
    {
        foreach (var measure in SimulationVocabulary.Measures)
        {
            var path = History.Trajectory(measure);
            for (int month = fromMonth; month < path.Length; month++) path[month] = path[fromMonth - 1];
        }
    }

    /// <summary>0 Western-aligned ... 1 aligned with alternative partners, from the P5's prior relationships.</summary>
    private static double AlignmentAtOnset(ScenarioConditions s)
    {
        double alternative = (s.RussiaRelationship + s.ChinaRelationship) / 2;
        double western = (s.UnitedStatesRelationship + s.UnitedKingdomRelationship + s.FranceRelationship) / 3;
        return Math.Clamp(0.5 + (alternative - western) / 4, 0, 1);
    }
}
