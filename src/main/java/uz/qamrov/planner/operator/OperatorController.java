package uz.qamrov.planner.operator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/operators")
@Tag(name = "operators", description = "Network operators: the values of every operator= filter")
class OperatorController {

    private final Operators operators;

    OperatorController(Operators operators) {
        this.operators = operators;
    }

    @GetMapping
    @Operation(summary = "Every operator: code (the operator= value), name, whether it offers mobile and fixed service")
    List<Operator> operators() {
        return operators.operators();
    }
}
