package uz.qamrov.planner.ingest.validate;

import java.util.Map;

/**
 * A mapping parameter ({@code map}, {@code values}, {@code defaults}) that does not parse. The message is English and
 * starts with the parameter; {@link #messageKey()} names its translated text in the problem bundles and
 * {@link #messageArgs()} fills the text's placeholders (the web layer's {@code ApiException#withMessage}).
 */
public final class MappingSyntaxException extends IllegalArgumentException {

    private final String messageKey;
    private final transient Map<String, Object> messageArgs;

    MappingSyntaxException(String message, String messageKey, Map<String, Object> messageArgs) {
        super(message);
        this.messageKey = messageKey;
        this.messageArgs = Map.copyOf(messageArgs);
    }

    public String messageKey() {
        return messageKey;
    }

    public Map<String, Object> messageArgs() {
        return messageArgs;
    }
}
