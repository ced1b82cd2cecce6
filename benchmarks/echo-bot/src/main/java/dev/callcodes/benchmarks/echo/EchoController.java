package dev.callcodes.benchmarks.echo;

import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.schema.Activity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /api/messages} as the SDK's own Spring controller (bot-integration-spring's BotController) answers it:
 * the future of the whole turn. CallCodes' MessagesController started from the same lines.
 */
@RestController
class EchoController {

    private final EchoAdapter adapter;
    private final EchoBot bot;

    EchoController(EchoAdapter adapter, EchoBot bot) {
        this.adapter = adapter;
        this.bot = bot;
    }

    @PostMapping(path = "/api/messages", consumes = "application/json")
    CompletableFuture<ResponseEntity<Object>> incoming(
            @RequestBody Activity activity,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, defaultValue = "") String authorization) {
        CompletableFuture<InvokeResponse> processing;
        try {
            processing = adapter.processActivity(authorization, activity, bot::onTurn);
        } catch (RuntimeException e) {
            processing = CompletableFuture.failedFuture(e);
        }
        return processing.handle(EchoController::respond);
    }

    private static ResponseEntity<Object> respond(InvokeResponse invokeResponse, Throwable error) {
        if (error != null) {
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build();
        }
        return invokeResponse == null
                ? ResponseEntity.accepted().build()
                : ResponseEntity.status(invokeResponse.getStatus()).body(invokeResponse.getBody());
    }
}
