package io.aicodecraft.operator.crd;

/** Regular expressions the CRD schema checks string fields against. */
public final class SpecFormats {

    /** A Kubernetes quantity such as 250m, 1, 384Mi or 10Gi. */
    public static final String QUANTITY = "^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$";

    /** A duration in one unit, as the API's configuration reads it: 500ms, 5s, 30m, 1h, 2d. */
    public static final String DURATION = "^[0-9]+(ms|s|m|h|d)$";

    /** A container image reference: no whitespace, not empty. */
    public static final String IMAGE = "^[^\\s]+$";

    private SpecFormats() {
    }
}
