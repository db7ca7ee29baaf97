import { evaluateDecision, evaluateDecisionValue, parseDmn } from '../../src/embedded/dmn';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="types" name="Types" namespace="http://dealerflow.example/types">
  <itemDefinition id="t_dealer" name="tDealer">
    <itemComponent id="t_dealer_id" name="id"><typeRef>string</typeRef></itemComponent>
    <itemComponent id="t_dealer_rating" name="rating"><typeRef>number</typeRef></itemComponent>
  </itemDefinition>
  <itemDefinition id="t_regions" name="tRegions" isCollection="true"><typeRef>string</typeRef></itemDefinition>
  <decision id="best_dealer" name="Best dealer">
    <variable id="v_best" name="bestDealer" typeRef="string" />
    <literalExpression id="l1"><text>dealers[rating = max(dealers.rating)].id</text></literalExpression>
  </decision>
  <decision id="regions" name="Regions">
    <variable id="v_regions" name="regions" typeRef="tRegions" />
    <literalExpression id="l2"><text>region</text></literalExpression>
  </decision>
  <decision id="dealer_record" name="Dealer record">
    <variable id="v_record" name="record" typeRef="tDealer" />
    <literalExpression id="l3"><text>{ id: dealer, score: 5 }</text></literalExpression>
  </decision>
  <decision id="is_dealer" name="Is dealer">
    <literalExpression id="l4"><text>candidate instance of tDealer</text></literalExpression>
  </decision>
</definitions>`;

async function graph() {
  const { decisions, problems } = await parseDmn('types.dmn', xml);
  expect(problems).toEqual([]);
  const byId = new Map(decisions.map((d) => [d.decisionId, d]));
  return { byId, lookup: (id: string) => byId.get(id) };
}

describe('results are coerced to their typeRef', () => {
  it('a singleton list where one value is declared is that value; a value where a collection is declared is a list of one', async () => {
    const { byId, lookup } = await graph();
    const dealers = [{ id: 'dealer1', rating: 4.1 }, { id: 'dealer2', rating: 4.8 }];
    expect(evaluateDecision(byId.get('best_dealer')!, { dealers }, lookup)).toBe('dealer2');
    expect(evaluateDecision(byId.get('regions')!, { region: 'Kazan' }, lookup)).toEqual(['Kazan']);
  });

  it('a result that does not conform to its item definition is kept by the engine and null under strict DMN typing', async () => {
    const { byId, lookup } = await graph();
    expect(evaluateDecision(byId.get('dealer_record')!, { dealer: 'dealer1' }, lookup)).toEqual({ id: 'dealer1', score: 5 });
    expect(evaluateDecisionValue(byId.get('dealer_record')!, { dealer: 'dealer1' }, lookup, { strictTypes: true })).toBeNull();
  });

  it('instance of tests a value against an item definition', async () => {
    const { byId, lookup } = await graph();
    expect(evaluateDecision(byId.get('is_dealer')!, { candidate: { id: 'dealer3', rating: 3.9 } }, lookup)).toBe(true);
    expect(evaluateDecision(byId.get('is_dealer')!, { candidate: { id: 'dealer3' } }, lookup)).toBe(false);
  });
});
