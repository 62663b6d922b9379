// Every governance check, in the order of checks.md, then the checks of a relationship log (operations.md). Nothing else knows their codes.
import type { Check } from "./check";
import { missingDisputeBlock } from "./checks/missing-dispute-block";
import { formalStepMissingFields } from "./checks/formal-step-missing-fields";
import { formalStepWithoutMediation } from "./checks/formal-step-without-mediation";
import { singlePointOfEscalation } from "./checks/single-point-of-escalation";
import { firstAndLastPointOfEscalation } from "./checks/first-and-last-point-of-escalation";
import { oneSidedTier } from "./checks/one-sided-tier";
import { ladderWithoutExecutives } from "./checks/ladder-without-executives";
import { tierWithoutTimeLimit } from "./checks/tier-without-time-limit";
import { repeatedEscalationContact } from "./checks/repeated-escalation-contact";
import { escalationToLowerLevel } from "./checks/escalation-to-lower-level";
import { contactWithoutDeputy } from "./checks/contact-without-deputy";
import { ladderWithoutHandover } from "./checks/ladder-without-handover";
import { mismatchedTierLevels } from "./checks/mismatched-tier-levels";
import { roleWithoutPerson } from "./checks/role-without-person";
import { roleHeldByDeputy } from "./checks/role-held-by-deputy";
import { missingJointBoard } from "./checks/missing-joint-board";
import { negotiatorsOutsideBoards } from "./checks/negotiators-outside-boards";
import { ladderTopInOperations } from "./checks/ladder-top-in-operations";
import { missingContinuity } from "./checks/missing-continuity";
import { disputeLeverage } from "./checks/dispute-leverage";
import { criticalServiceWithoutInterim } from "./checks/critical-service-without-interim";
import { criticalServiceWithoutExpeditedLadder } from "./checks/critical-service-without-expedited-ladder";
import { slaWithoutWindow } from "./checks/sla-without-window";
import { slaWithoutRemedy } from "./checks/sla-without-remedy";
import { slaRemedyGaps } from "./checks/sla-remedy-gaps";
import { slaWithoutMeasurementRules } from "./checks/sla-without-measurement-rules";
import { criticalServiceWithoutSla } from "./checks/critical-service-without-sla";
import { missingRecords } from "./checks/missing-records";
import { boardWithoutMinutes } from "./checks/board-without-minutes";
import { missingEarlyWarning } from "./checks/missing-early-warning";
import { unclearAccountability } from "./checks/unclear-accountability";
import { missingChangeControl } from "./checks/missing-change-control";
import { missingExitAssistance } from "./checks/missing-exit-assistance";
import { businessTimeWithoutCalendar } from "./checks/business-time-without-calendar";
import { matterPastTierDeadline } from "./checks/matter-past-tier-deadline";
import { formalStepTooEarly } from "./checks/formal-step-too-early";
import { skippedEscalationTier } from "./checks/skipped-escalation-tier";
import { lateEscalation } from "./checks/late-escalation";
import { formalStepOffLadder } from "./checks/formal-step-off-ladder";
import { formalStepUnrecorded } from "./checks/formal-step-unrecorded";
import { lateMeetingMinutes } from "./checks/late-meeting-minutes";
import { unrecordedDecision } from "./checks/unrecorded-decision";
import { missingEvidenceFile } from "./checks/missing-evidence-file";
import { oralNotice } from "./checks/oral-notice";
import { suspensionDuringDispute } from "./checks/suspension-during-dispute";
import { earlyWarningFired } from "./checks/early-warning-fired";
import { unansweredEarlyWarning } from "./checks/unanswered-early-warning";
import { unlistedSignal } from "./checks/unlisted-signal";
import { missedServiceLevel } from "./checks/missed-service-level";
import { chronicBreach } from "./checks/chronic-breach";
import { missingMeasurements } from "./checks/missing-measurements";

export const CHECKS: readonly Check[] = [
  missingDisputeBlock,
  formalStepMissingFields,
  formalStepWithoutMediation,
  singlePointOfEscalation,
  firstAndLastPointOfEscalation,
  oneSidedTier,
  ladderWithoutExecutives,
  tierWithoutTimeLimit,
  repeatedEscalationContact,
  escalationToLowerLevel,
  contactWithoutDeputy,
  ladderWithoutHandover,
  mismatchedTierLevels,
  roleWithoutPerson,
  roleHeldByDeputy,
  missingJointBoard,
  negotiatorsOutsideBoards,
  ladderTopInOperations,
  missingContinuity,
  disputeLeverage,
  criticalServiceWithoutInterim,
  criticalServiceWithoutExpeditedLadder,
  slaWithoutWindow,
  slaWithoutRemedy,
  slaRemedyGaps,
  slaWithoutMeasurementRules,
  criticalServiceWithoutSla,
  missingRecords,
  boardWithoutMinutes,
  missingEarlyWarning,
  unclearAccountability,
  missingChangeControl,
  missingExitAssistance,
  businessTimeWithoutCalendar,
  // The relationship log (operations.md).
  matterPastTierDeadline,
  formalStepTooEarly,
  skippedEscalationTier,
  lateEscalation,
  formalStepOffLadder,
  formalStepUnrecorded,
  lateMeetingMinutes,
  unrecordedDecision,
  missingEvidenceFile,
  oralNotice,
  suspensionDuringDispute,
  earlyWarningFired,
  unansweredEarlyWarning,
  unlistedSignal,
  missedServiceLevel,
  chronicBreach,
  missingMeasurements,
];
