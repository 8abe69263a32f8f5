package uz.qamrov.planner.operator;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import uz.qamrov.planner.web.ApiException;

/** The operator feature's entry point: the operators a filter may name. */
@Service
public class Operators {

    private final OperatorRepository repository;

    Operators(OperatorRepository repository) {
        this.repository = repository;
    }

    public List<Operator> operators() {
        return repository.operators();
    }

    /** For an {@code operator=} filter: a 400 problem naming the parameter unless the operator exists. */
    public void requireOperatorFilter(String code) {
        if (code != null && !repository.exists(code)) {
            throw ApiException.badRequest("unknown operator: " + code, Map.of("parameter", "operator", "value", code))
                    .withMessage("detail.unknown-operator");
        }
    }
}
