// Names that are also properties of every JavaScript object must stay names everywhere.
import { exercise } from "../helpers/reliability";

describe("names like valueOf and __proto__", () => {
  for (const text of ["valueOf", "contract c { valueOf", "contract c { constructor x", "contract c { escalation l { tier t { toString", "__proto__", "contract c { __proto__ ", "contract hasOwnProperty { party toString customer { role constructor { holder valueOf } } }"]) {
    it(`every layer answers on ${JSON.stringify(text)}`, () => {
      exercise({ uri: "file:///ws/a.covenant", text, random: () => 0.5 });
    });
  }
});
