package uz.qamrov.engine.model;

/** An operator's declaration that it serves a settlement with fixed broadband (declared_on .. withdrawn_on). */
public record ServiceDeclaration(long settlementId, String operator, Validity validity) {

    public ServiceDeclaration {
        Checks.notNull("serviceDeclaration", settlementId, "operator", operator);
        if (validity == null) {
            validity = Validity.ALWAYS;
        }
    }
}
