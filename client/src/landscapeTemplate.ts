/** File name of the landscape file that "Create Landscape File" writes into the workspace. */
export const NEW_LANDSCAPE_FILE_NAME = 'landscape.landscape.yaml';

/**
 * The skeleton of a new landscape file: valid against the schema, one system of each kind the
 * guide's checklists know, with the fields to fill in. Kept free of `vscode` so tests can lint it.
 */
export const LANDSCAPE_TEMPLATE = `# SAP landscape for the support backbone update (SAP guide "Support Backbone Update").
# Record in each system what has been done; Landscape Lint reports what is missing and the
# Readiness Checklist view shows, per system, the guide's checklist items that are still open.
# Never store passwords in this file.

landscape: My SAP Landscape

# Technical communication users (request them as described in SAP Note 2174416).
communicationUsers:
  S0000000001: { description: ERP track }
  S0000000002: { description: SAP Solution Manager }

# Transport routes (STMS), source system first.
tracks:
  ERP: [DEV, PRD]

systems:
  DEV:
    role: abap                        # abap | solman | frun
    description: ERP development
    connection: direct                # direct | solman | frun | none
    basis: 750 SP12                   # SAP_BASIS release and support package
    components:
      ST-PI: 740 SP10
      ST-A/PI: 01T_731 SP01
    noteAssistant:
      download: download-service      # as shown by report RCWB_SNOTE_DWNLD_PROC_CONFIG
      trustAnchors: false             # trust anchor certificates installed
    notes: []                         # implemented SAP Notes
    taskLists: []                     # task lists executed in STC01
    communicationUser: S0000000001

  PRD:
    role: abap
    description: ERP production
    connection: solman                # reports through SAP Solution Manager SOL
    managedBy: SOL
    basis: 750 SP12
    communicationUser: S0000000001

  SOL:
    role: solman
    description: SAP Solution Manager
    release: 7.2 SPS08
    basis: 740 SP20
    communicationUser: S0000000002
    taskLists: []
`;
