// The content of ADR 0001, "Record architecture decisions", that `adrgen init` writes:
// a real decision (to keep MADR 4 records in the repository), not a template.
import type { AdrSections } from "../render/view-model.js";

export const FIRST_ADR_TITLE = "Record architecture decisions";

const CHOSEN = "MADR 4 records in the repository";

/** The sections of ADR 0001 for an ADR directory at `dirRel` (repository-relative, forward slashes). */
export function firstAdrSections(dirRel: string): AdrSections {
  return {
    context: [
      "We need to record the architectural decisions made on this project, so that people who join later,",
      "and our future selves, can learn why the system is shaped as it is, which alternatives were weighed,",
      "and what we accepted in return.",
      "",
      "Decisions that live only in chat threads, meeting notes and people's heads are lost when people move on,",
      "and then get argued again from scratch. Which way of recording decisions should we adopt?",
    ].join("\n"),
    decisionDrivers: [
      "The reasons for a decision must stay findable next to the code they shape",
      "Writing a record must be cheap enough that people actually do it",
      "Records must be reviewed in pull requests, like code",
      "Tools must be able to read the records (status, date, links) to list, check and index them",
    ],
    consideredOptions: [
      {
        title: CHOSEN,
        description: "Markdown Architectural Decision Records (MADR 4): one file per decision in the repository, with YAML front matter and fixed sections.",
        good: [
          "context, options, trade-offs and consequences each have their own section",
          "records are plain markdown in the repository, versioned and reviewed together with the change they explain",
          "tools such as adrgen can read the front matter (status, date, decision-makers)",
        ],
        neutral: ["the team needs the habit of writing one record per significant decision"],
        bad: ["it asks for more structure than a free-form note"],
      },
      {
        title: "Nygard-style records (adr-tools)",
        description: "Michael Nygard's short format: Status, Context, Decision, Consequences.",
        good: ["it is very short and widely known"],
        bad: ["it has no place for the options that were considered and their pros and cons"],
      },
      {
        title: "A wiki or design documents outside the repository",
        good: ["it offers rich editing and commenting"],
        bad: ["it drifts away from the code and is not versioned or reviewed with the change it explains"],
      },
      {
        title: "No written records",
        good: ["it costs no effort now"],
        bad: ["the reasons behind decisions are lost, and decisions are revisited without knowing why they were made"],
      },
    ],
    chosenOption: CHOSEN,
    justification:
      "it keeps each decision, the options we weighed and their trade-offs next to the code, reviewed in pull requests, in a structure that both people and tools can read",
    consequences: {
      good: [
        "every significant decision has one place that explains it, in the repository's history",
        "new team members can read why the system is built the way it is",
        "records can be listed, linted, indexed and linked with `adrgen`",
      ],
      neutral: [],
      bad: [
        "writing a record takes some time for each significant decision",
        "records need upkeep: a replaced decision must be marked as superseded (`adrgen supersede`)",
      ],
    },
    confirmation: [
      `A pull request that makes a significant architectural change adds or updates an ADR in \`${dirRel}/\`.`,
      "`adrgen lint` keeps the records well-formed, and `adrgen new \"<title>\"` starts a new one with the next number.",
    ].join("\n"),
    moreInformation: [
      "* MADR: <https://adr.github.io/madr/>",
      "* Michael Nygard, \"Documenting Architecture Decisions\": <https://cognitect.com/blog/2011/11/15/documenting-architecture-decisions>",
    ].join("\n"),
  };
}
