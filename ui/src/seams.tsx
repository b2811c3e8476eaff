// Where features whose API other work is adding plug in. Each seam names the API it waits for; wiring
// one is replacing its case here with the component (the slots in the layout are already there).
export type SeamName = 'metadataFields';

const waitingFor: Record<SeamName, string> = {
  metadataFields: 'structured metadata fields (metadataFields, Asset.metadata)',
};

export function Seam({ name }: { name: SeamName }) {
  // Nothing is shown until the API is there; the attribute lets a test find the slot.
  return <span hidden data-seam={name} data-waiting-for={waitingFor[name]} />;
}
